package io.orchestrator.core.query;

import io.orchestrator.core.topology.Node;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One field's values across a topology's nodes, for one version: which nodes (by position in the
 * search's order) hold each distinct text value, and which hold the field in a form that is not one
 * text (a number, a list, a map) and must be tested one by one. A search with a {@code field:value}
 * term then tests each distinct value once instead of every node: {@code image:nginx} looks at a
 * few dozen images, not 60,000 nodes. Immutable and thread-safe once built.
 */
final class FieldIndex {
  private final Map<String, int[]> byValue;
  private final int[] untyped;

  private FieldIndex(Map<String, int[]> byValue, int[] untyped) {
    this.byValue = byValue;
    this.untyped = untyped;
  }

  /** Whether a {@code field:} term on {@code name} can use an index (not {@code agent}). */
  static boolean indexable(String name) {
    return !name.equals("agent");
  }

  /** Indexes {@code name} over {@code nodes}. */
  static FieldIndex build(String name, List<Node> nodes) {
    Map<String, IntList> values = new HashMap<>();
    IntList untyped = new IntList();
    for (int i = 0; i < nodes.size(); i++) {
      Object v = value(nodes.get(i), name);
      if (v instanceof String s) {
        values.computeIfAbsent(s, k -> new IntList()).add(i);
      } else if (v != null) {
        untyped.add(i);
      }
    }
    Map<String, int[]> byValue = new HashMap<>(values.size() * 2);
    values.forEach((k, l) -> byValue.put(k, l.toArray()));
    return new FieldIndex(byValue, untyped.toArray());
  }

  private static Object value(Node n, String name) {
    return switch (name) {
      case "id" -> n.id();
      case "type" -> n.type().wireName();
      case "name" -> n.name();
      case "parent", "parent_id" -> n.parentId();
      default -> n.metadata().get(name);
    };
  }

  /**
   * The positions, ascending, of the nodes that may match {@code term}: those whose value it
   * accepts, and those whose value is not one text.
   */
  int[] candidates(Predicate<String> term) {
    IntList out = new IntList();
    byValue.forEach(
        (value, positions) -> {
          if (term.test(value)) {
            out.addAll(positions);
          }
        });
    out.addAll(untyped);
    int[] all = out.toArray();
    Arrays.sort(all);
    return all;
  }

  /** A growable list of ints. Not thread-safe. */
  private static final class IntList {
    private int[] items = new int[8];
    private int size;

    void add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }

    void addAll(int[] vs) {
      if (size + vs.length > items.length) {
        items = Arrays.copyOf(items, Math.max(items.length * 2, size + vs.length));
      }
      System.arraycopy(vs, 0, items, size, vs.length);
      size += vs.length;
    }

    int[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }
}
