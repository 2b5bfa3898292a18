package io.orchestrator.core.storage;

import java.util.Objects;

/**
 * Whether a storage can serve and write. Immutable and thread-safe.
 *
 * @param up true when it can
 * @param detail what is wrong when it cannot, safe to show (never a password), else "ok"
 */
public record StorageHealth(boolean up, String detail) {
  /** A healthy storage. */
  public static final StorageHealth UP = new StorageHealth(true, "ok");

  /** Checks the detail. */
  public StorageHealth {
    Objects.requireNonNull(detail, "detail");
  }

  /** An unhealthy storage, and why. */
  public static StorageHealth down(String detail) {
    return new StorageHealth(false, detail);
  }
}
