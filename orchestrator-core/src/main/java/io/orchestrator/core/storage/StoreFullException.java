package io.orchestrator.core.storage;

/**
 * Thrown when a store at its entry cap is asked to add a new key. Updates of existing keys still
 * succeed at the cap. Immutable and thread-safe.
 */
public final class StoreFullException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param maxEntries the cap that was reached
   */
  public StoreFullException(long maxEntries) {
    super("store is full: " + maxEntries + " entries");
  }
}
