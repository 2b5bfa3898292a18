package io.orchestrator.core.query;

import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Search and filtered topologies (DESIGN §9.2). Nodes are ordered by type (host, container,
 * process), then id; that order is computed once per topology version and shared. Thread-safe.
 */
public final class TopologyQueries {
  private static final Comparator<Node> ORDER =
      Comparator.comparing(Node::type).thenComparing(Node::id);

  /** Fields indexed per topology at most; others are searched node by node. */
  private static final int MAX_INDEXED_FIELDS = 32;

  private volatile Ordered ordered;

  /** One topology's nodes in search order, and the fields indexed over them so far. */
  private record Ordered(Topology topology, List<Node> nodes, Map<String, FieldIndex> fields) {
    /** The index of {@code name}, built on first use; null past the cap. */
    FieldIndex index(String name) {
      FieldIndex f = fields.get(name);
      if (f == null && fields.size() < MAX_INDEXED_FIELDS) {
        f = fields.computeIfAbsent(name, k -> FieldIndex.build(k, nodes));
      }
      return f;
    }
  }

  /**
   * The result of a search.
   *
   * @param total every matching node
   * @param nodes the first {@code limit} of them, in order
   */
  public record Found(int total, List<Node> nodes) {}

  /** The nodes of {@code t} that match {@code q}: how many, and the first {@code limit}. */
  public Found search(Topology t, Query q, int limit) {
    Ordered o = ordered(t);
    Keyed key = indexedTerm(q);
    FieldIndex index = key == null ? null : o.index(key.field());
    List<Node> out = new ArrayList<>(Math.min(limit, 1024));
    int total = 0;
    if (index == null) {
      for (Node n : o.nodes()) {
        if (q.matches(NodeSubject.of(n, t))) {
          total++;
          if (out.size() < limit) {
            out.add(n);
          }
        }
      }
      return new Found(total, out);
    }
    // Only the nodes whose value the term accepts can match: every term must.
    for (int position : index.candidates(key.test())) {
      Node n = o.nodes().get(position);
      if (q.matches(NodeSubject.of(n, t))) {
        total++;
        if (out.size() < limit) {
          out.add(n);
        }
      }
    }
    return new Found(total, out);
  }

  /**
   * A {@code field:value} or {@code field:/regex/} term of {@code q} that an index can answer (both
   * test a field's text), preferring one that is not on type; null when there is none.
   */
  private static Keyed indexedTerm(Query q) {
    Keyed found = null;
    for (Term term : q.terms()) {
      Keyed k = null;
      if (term instanceof Term.Field f) {
        k = new Keyed(f.name(), f);
      } else if (term instanceof Term.FieldRegex r) {
        k = new Keyed(r.name(), r);
      }
      if (k != null && FieldIndex.indexable(k.field())) {
        if (!k.field().equals("type")) {
          return k;
        }
        found = k;
      }
    }
    return found;
  }

  /** A term on one field's text, as the index asks it. */
  private record Keyed(String field, Predicate<String> test) {}

  /**
   * The part of {@code t} that {@code q} selects: the matching nodes and their ancestors (a process
   * keeps its container and host), and the edges whose two ends are both kept. Same version and
   * timestamp as {@code t}.
   */
  public Topology filter(Topology t, Query q) {
    if (q.isEmpty()) {
      return t;
    }
    Map<String, Node> kept = new HashMap<>();
    for (Node n : t.nodes().values()) {
      if (!kept.containsKey(n.id()) && q.matches(NodeSubject.of(n, t))) {
        for (Node a = n; a != null && kept.putIfAbsent(a.id(), a) == null; ) {
          a = a.parentId() == null ? null : t.nodes().get(a.parentId());
        }
      }
    }
    Map<String, Edge> edges = new HashMap<>();
    t.edges()
        .forEach(
            (key, e) -> {
              if (kept.containsKey(e.source()) && kept.containsKey(e.target())) {
                edges.put(key, e);
              }
            });
    return new Topology(kept, edges, t.timestamp(), t.version(), t.contentTag());
  }

  // The same snapshot, not an equal one: time-travel topologies all carry version 0, and comparing
  // two topologies by value would cost more than sorting.
  @SuppressWarnings("ReferenceEquality")
  private Ordered ordered(Topology t) {
    Ordered o = ordered;
    if (o != null && o.topology() == t) {
      return o;
    }
    List<Node> nodes = new ArrayList<>(t.nodes().values());
    nodes.sort(ORDER);
    o = new Ordered(t, List.copyOf(nodes), new ConcurrentHashMap<>());
    ordered = o;
    return o;
  }
}
