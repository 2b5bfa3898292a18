package io.orchestrator.core.storage;

import java.util.concurrent.CancellationException;

/**
 * Thrown when an operation's {@link OperationContext} deadline passed before it could complete. A
 * subtype of {@link CancellationException}, so callers that only care about "did not complete"
 * catch one type. Immutable and thread-safe.
 */
public final class DeadlineExceededException extends CancellationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what timed out
   */
  public DeadlineExceededException(String message) {
    super(message);
  }
}
