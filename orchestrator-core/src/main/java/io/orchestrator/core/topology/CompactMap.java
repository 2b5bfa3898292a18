package io.orchestrator.core.topology;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map of a node's few metadata fields, in insertion order, as one array of keys and
 * values side by side. A lookup scans the keys (a dozen at most, the same few literals on every
 * node) instead of hashing into a table of separate entries: one cache line or two instead of three
 * scattered objects, which is what an alert evaluation reading a few fields of every node of the
 * fleet waits on; and ~100 bytes per node instead of ~500 for a {@code LinkedHashMap}. Equal to any
 * map with the same entries. Thread-safe once constructed (final array, never written after).
 */
final class CompactMap extends AbstractMap<String, Object> {
  private final Object[] kv; // key, value, key, value, ... in insertion order

  private CompactMap(Object[] kv) {
    this.kv = kv;
  }

  /** {@code source} itself when compact already, else a compact copy in its iteration order. */
  static Map<String, Object> copyOf(Map<String, Object> source) {
    if (source instanceof CompactMap) {
      return source;
    }
    Object[] kv = new Object[source.size() * 2];
    int i = 0;
    for (Map.Entry<String, Object> e : source.entrySet()) {
      kv[i++] = e.getKey();
      kv[i++] = e.getValue();
    }
    return new CompactMap(kv);
  }

  private int indexOf(Object key) {
    if (key == null) {
      for (int i = 0; i < kv.length; i += 2) {
        if (kv[i] == null) {
          return i;
        }
      }
      return -1;
    }
    // Strings cache their hash: comparing it first spares an equals() per other key.
    int hash = key.hashCode();
    for (int i = 0; i < kv.length; i += 2) {
      Object k = kv[i];
      if (k == key || (k != null && k.hashCode() == hash && k.equals(key))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : kv[i + 1];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return kv.length / 2;
  }

  @Override
  public boolean isEmpty() {
    return kv.length == 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < kv.length; i += 2) {
      action.accept((String) kv[i], kv[i + 1]);
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < kv.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= kv.length) {
              throw new NoSuchElementException();
            }
            next += 2;
            return new SimpleImmutableEntry<>((String) kv[next - 2], kv[next - 1]);
          }
        };
      }

      @Override
      public int size() {
        return kv.length / 2;
      }
    };
  }
}
