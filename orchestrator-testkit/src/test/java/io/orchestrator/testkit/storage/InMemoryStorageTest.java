package io.orchestrator.testkit.storage;

import io.orchestrator.core.storage.InMemoryStorage;
import io.orchestrator.core.storage.Storage;
import io.orchestrator.core.storage.StorageSettings;

/** The in-memory storage passes the contract. */
class InMemoryStorageTest extends StorageContract {
  @Override
  protected Storage open(StorageSettings settings) {
    return new InMemoryStorage(settings);
  }
}
