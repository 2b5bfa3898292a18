package io.orchestrator.core.storage;

/**
 * A time-travel instant outside what history holds: before its oldest instant, or in the future.
 * The message names the oldest instant available. Immutable and thread-safe.
 */
public final class OutsideHistoryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message a person can act on. */
  public OutsideHistoryException(String message) {
    super(message);
  }
}
