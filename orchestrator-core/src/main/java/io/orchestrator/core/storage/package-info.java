/**
 * Key-value storage SPI ({@link io.orchestrator.core.storage.KeyValueStore}) with an in-memory
 * implementation. Every operation takes an {@link io.orchestrator.core.storage.OperationContext} so
 * a slow backend can be cut off by a deadline or cancelled.
 */
package io.orchestrator.core.storage;
