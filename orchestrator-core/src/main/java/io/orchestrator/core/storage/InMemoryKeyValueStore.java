package io.orchestrator.core.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link KeyValueStore} in a {@link ConcurrentHashMap}, with TTLs read from an injected {@link
 * Clock} and a cap on the number of entries.
 *
 * <p>At the cap, adding a new key first drops expired entries; if the store is still full the put
 * throws {@link StoreFullException} and nothing changes. Replacing an existing key always works.
 * Expired entries are dropped when touched and by {@link #purgeExpired()}, which an owner should
 * call periodically. {@link #list} is a scan: fine for thousands of keys, not for millions.
 *
 * <p>Thread-safe; single-key operations are atomic.
 *
 * @param <V> the value type
 */
public final class InMemoryKeyValueStore<V> implements KeyValueStore<V> {
  private final Clock clock;
  private final long maxEntries;
  private final ConcurrentHashMap<String, Entry<V>> map = new ConcurrentHashMap<>();
  private final AtomicLong count = new AtomicLong();
  private volatile boolean closed;

  /**
   * Creates a store.
   *
   * @param clock time source for TTLs
   * @param maxEntries the cap on entries, positive
   */
  public InMemoryKeyValueStore(Clock clock, long maxEntries) {
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxEntries = maxEntries;
  }

  @Override
  public Optional<V> get(OperationContext ctx, String key) {
    begin(ctx, key);
    Entry<V> e = map.get(key);
    if (e == null) {
      return Optional.empty();
    }
    if (e.expiredAt(clock.millis())) {
      removeIfSame(key, e);
      return Optional.empty();
    }
    return Optional.of(e.value);
  }

  @Override
  public void put(OperationContext ctx, String key, V value, Duration ttl) {
    begin(ctx, key);
    Objects.requireNonNull(value, "value");
    long expiresAt = expiry(ttl);
    if (!tryPut(key, new Entry<>(value, expiresAt))) {
      purgeExpired();
      if (!tryPut(key, new Entry<>(value, expiresAt))) {
        throw new StoreFullException(maxEntries);
      }
    }
  }

  private boolean tryPut(String key, Entry<V> entry) {
    boolean[] stored = {true};
    map.compute(
        key,
        (k, old) -> {
          if (old != null) {
            return entry;
          }
          if (count.incrementAndGet() > maxEntries) {
            count.decrementAndGet();
            stored[0] = false;
            return null;
          }
          return entry;
        });
    return stored[0];
  }

  @Override
  public boolean delete(OperationContext ctx, String key) {
    begin(ctx, key);
    Entry<V> e = map.remove(key);
    if (e == null) {
      return false;
    }
    count.decrementAndGet();
    return !e.expiredAt(clock.millis());
  }

  @Override
  public boolean exists(OperationContext ctx, String key) {
    return get(ctx, key).isPresent();
  }

  @Override
  public SortedMap<String, V> list(OperationContext ctx, String prefix) {
    begin(ctx);
    Objects.requireNonNull(prefix, "prefix");
    long now = clock.millis();
    TreeMap<String, V> out = new TreeMap<>();
    map.forEach(
        (k, e) -> {
          if (k.startsWith(prefix) && !e.expiredAt(now)) {
            out.put(k, e.value);
          }
        });
    ctx.check();
    return out;
  }

  @Override
  public void clear(OperationContext ctx) {
    begin(ctx);
    map.keySet().forEach(k -> removeIfPresent(k));
  }

  @Override
  public long size(OperationContext ctx) {
    begin(ctx);
    long now = clock.millis();
    return map.values().stream().filter(e -> !e.expiredAt(now)).count();
  }

  /** Drops every expired entry; returns how many were dropped. */
  public int purgeExpired() {
    long now = clock.millis();
    int[] purged = {0};
    map.forEach(
        (k, e) -> {
          if (e.expiredAt(now) && removeIfSame(k, e)) {
            purged[0]++;
          }
        });
    return purged[0];
  }

  @Override
  public void close() {
    closed = true;
    map.clear();
    count.set(0);
  }

  private boolean removeIfSame(String key, Entry<V> e) {
    if (map.remove(key, e)) {
      count.decrementAndGet();
      return true;
    }
    return false;
  }

  private void removeIfPresent(String key) {
    if (map.remove(key) != null) {
      count.decrementAndGet();
    }
  }

  private long expiry(Duration ttl) {
    if (ttl == null) {
      return Long.MAX_VALUE;
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    return Math.addExact(clock.millis(), ttl.toMillis());
  }

  private void begin(OperationContext ctx, String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    begin(ctx);
  }

  private void begin(OperationContext ctx) {
    if (closed) {
      throw new IllegalStateException("store is closed");
    }
    Objects.requireNonNull(ctx, "ctx").check();
  }

  private record Entry<V>(V value, long expiresAtMillis) {
    boolean expiredAt(long nowMillis) {
      return nowMillis >= expiresAtMillis;
    }
  }
}
