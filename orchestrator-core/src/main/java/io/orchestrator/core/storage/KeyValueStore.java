package io.orchestrator.core.storage;

import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A thread-safe key-value store: the SPI behind the agent registry and general state.
 *
 * <p>Keys are non-empty strings; an empty or null key throws {@link IllegalArgumentException}.
 * Every operation on a closed store throws {@link IllegalStateException}. Every operation takes an
 * {@link OperationContext} and fails with its {@link java.util.concurrent.CancellationException}
 * (or {@link DeadlineExceededException}) when the context is done; overloads without a context use
 * {@link OperationContext#background()}. Entries may carry a time-to-live; an expired entry is
 * invisible to every operation.
 *
 * <p>Implementations must be thread-safe.
 *
 * @param <V> the value type
 */
public interface KeyValueStore<V> extends AutoCloseable {

  /** The value under {@code key}, if present and not expired. */
  Optional<V> get(OperationContext ctx, String key);

  /**
   * Stores {@code value} under {@code key}, replacing any previous value.
   *
   * @param ttl time to live, or {@code null} for none; must be positive when given
   * @throws StoreFullException when the key is new and the store is at its cap
   */
  void put(OperationContext ctx, String key, V value, Duration ttl);

  /** Removes {@code key}; true when something (unexpired) was removed. */
  boolean delete(OperationContext ctx, String key);

  /** True when {@code key} is present and not expired. */
  boolean exists(OperationContext ctx, String key);

  /** Every unexpired entry whose key starts with {@code prefix} ("" for all), sorted by key. */
  SortedMap<String, V> list(OperationContext ctx, String prefix);

  /** Removes every entry. */
  void clear(OperationContext ctx);

  /** The number of unexpired entries. */
  long size(OperationContext ctx);

  /** Closes the store; later operations throw {@link IllegalStateException}. Idempotent. */
  @Override
  void close();

  /** {@link #get(OperationContext, String)} without a deadline. */
  default Optional<V> get(String key) {
    return get(OperationContext.background(), key);
  }

  /** {@link #put(OperationContext, String, Object, Duration)} without a deadline or TTL. */
  default void put(String key, V value) {
    put(OperationContext.background(), key, value, null);
  }

  /** {@link #put(OperationContext, String, Object, Duration)} without a deadline. */
  default void put(String key, V value, Duration ttl) {
    put(OperationContext.background(), key, value, ttl);
  }

  /** {@link #delete(OperationContext, String)} without a deadline. */
  default boolean delete(String key) {
    return delete(OperationContext.background(), key);
  }

  /** {@link #exists(OperationContext, String)} without a deadline. */
  default boolean exists(String key) {
    return exists(OperationContext.background(), key);
  }

  /** {@link #list(OperationContext, String)} without a deadline. */
  default SortedMap<String, V> list(String prefix) {
    return list(OperationContext.background(), prefix);
  }

  /** {@link #size(OperationContext)} without a deadline. */
  default long size() {
    return size(OperationContext.background());
  }
}
