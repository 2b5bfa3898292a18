package io.orchestrator.core.topology;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable map that owns its backing {@link HashMap}: no one else holds a reference to it,
 * so {@link #copyOf} can return a frozen map as is instead of copying it again. Lets snapshot
 * building hand a freshly built map to {@link Topology} without a second copy of 100k entries.
 *
 * <p>Thread-safe once constructed (safe publication via the final field).
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {
  private final Map<K, V> map;

  private FrozenMap(Map<K, V> owned) {
    this.map = owned;
  }

  /** Takes ownership of {@code owned}; the caller must drop every reference to it. */
  static <K, V> FrozenMap<K, V> adopt(Map<K, V> owned) {
    return new FrozenMap<>(owned);
  }

  /** {@code source} itself when immutable already (frozen or sliced), else a frozen copy. */
  static <K, V> Map<K, V> copyOf(Map<K, V> source) {
    if (source instanceof FrozenMap || source instanceof SlicedMap) {
      return source;
    }
    return new FrozenMap<>(new HashMap<>(source));
  }

  @Override
  public V get(Object key) {
    return map.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return map.containsKey(key);
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return Collections.unmodifiableMap(map).entrySet();
  }

  @Override
  public Set<K> keySet() {
    return Collections.unmodifiableSet(map.keySet());
  }
}
