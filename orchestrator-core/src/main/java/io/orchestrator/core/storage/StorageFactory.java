package io.orchestrator.core.storage;

/**
 * Opens a {@link Storage} with the engine's settings; {@code InMemoryStorage::new} is the default.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface StorageFactory {
  /**
   * Opens the storage.
   *
   * @throws StorageUnavailableException when the backend cannot be reached or set up
   */
  Storage open(StorageSettings settings);
}
