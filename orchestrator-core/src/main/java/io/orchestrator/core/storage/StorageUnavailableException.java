package io.orchestrator.core.storage;

/**
 * The storage cannot take a write right now (a database down, a pool exhausted): the request is not
 * acknowledged and may be retried. The message is safe to show; it never holds a password.
 * Immutable and thread-safe.
 */
public final class StorageUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message a person can act on. */
  public StorageUnavailableException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying failure. */
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
