package io.orchestrator.server.cli;

/** A command line that cannot be run; the message says what is wrong. Immutable, thread-safe. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, for the operator
   */
  public UsageException(String message) {
    super(message);
  }
}
