/**
 * The storage contract suite: abstract JUnit 5 classes that a {@link
 * io.orchestrator.core.storage.Storage} backend subclasses to show it behaves as the engine expects
 * ({@link io.orchestrator.testkit.storage.StorageContract} for every backend, {@link
 * io.orchestrator.testkit.storage.DurableStorageContract} for those that survive a restart).
 */
package io.orchestrator.testkit.storage;
