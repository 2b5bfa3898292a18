package io.orchestrator.server.json;

/**
 * A request the server refuses, with the HTTP status and a message a person can act on. Immutable
 * and thread-safe.
 */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * Creates the exception.
   *
   * @param status the 4xx status to answer with
   * @param message what is wrong, naming the field where there is one
   */
  public BadRequestException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** A 400 with {@code message}. */
  public static BadRequestException badRequest(String message) {
    return new BadRequestException(400, message);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }
}
