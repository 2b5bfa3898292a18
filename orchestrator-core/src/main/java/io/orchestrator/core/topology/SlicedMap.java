package io.orchestrator.core.topology;

import io.orchestrator.core.topology.Topology.Part;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * A snapshot's nodes or edges: each agent's slice, found through a persistent key-to-agent map.
 * Iteration walks one agent's entries after another (objects one report allocated together, which
 * scans of the whole topology profit from); a lookup costs one probe of each persistent map and one
 * of the slice. Building it copies nothing, so a snapshot costs what the last change touched.
 *
 * <p>Immutable and thread-safe: both persistent maps and every slice are never modified.
 */
final class SlicedMap<V> extends AbstractMap<String, V> {
  private final io.vavr.collection.HashMap<String, Part> slices;
  private final io.vavr.collection.HashMap<String, String> owners;
  private final Function<Part, Map<String, V>> part;
  private final int size;
  // The slice the last lookup found: a parent is nearly always in its child's slice. Racy on
  // purpose (a slice is immutable and safely published by its final fields), and never wrong:
  // slices are disjoint, so a key found in one is that slice's key.
  private Part last = Part.EMPTY;

  SlicedMap(
      io.vavr.collection.HashMap<String, Part> slices,
      io.vavr.collection.HashMap<String, String> owners,
      Function<Part, Map<String, V>> part) {
    this.slices = slices;
    this.owners = owners;
    this.part = part;
    this.size = owners.size();
  }

  @Override
  public V get(Object key) {
    if (!(key instanceof String k)) {
      return null;
    }
    V value = part.apply(last).get(k);
    if (value != null) {
      return value;
    }
    String agent = owners.getOrElse(k, null);
    if (agent == null) {
      return null;
    }
    Part slice = slices.getOrElse(agent, Part.EMPTY);
    last = slice;
    return part.apply(slice).get(k);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String k && owners.containsKey(k);
  }

  @Override
  public int size() {
    return size;
  }

  /**
   * The slices of {@code nodes} and {@code edges} in iteration order, when both are views over the
   * same slices; else null.
   */
  @SuppressWarnings("ReferenceEquality") // the same version of the slices, not equal contents
  static List<Part> partsOf(Map<?, ?> nodes, Map<?, ?> edges) {
    if (nodes instanceof SlicedMap<?> n
        && edges instanceof SlicedMap<?> e
        && n.slices == e.slices) {
      return n.slices.values().toJavaList();
    }
    return null;
  }

  @Override
  public Set<Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, V>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** One slice's entries after another's. */
  private final class Entries implements Iterator<Entry<String, V>> {
    private final Iterator<Part> agents = slices.valuesIterator();
    private Iterator<Entry<String, V>> current = Collections.emptyIterator();

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (!agents.hasNext()) {
          return false;
        }
        current = part.apply(agents.next()).entrySet().iterator(); // read-only views
      }
      return true;
    }

    @Override
    public Entry<String, V> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
