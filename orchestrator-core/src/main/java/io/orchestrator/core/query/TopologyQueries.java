package io.orchestrator.core.query;

import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Search and filtered topologies (DESIGN §9.2). Nodes are ordered by type (host, container,
 * process), then id; that order is computed once per topology version and shared. Thread-safe.
 */
public final class TopologyQueries {
  private static final Comparator<Node> ORDER =
      Comparator.comparing(Node::type).thenComparing(Node::id);

  private volatile Ordered ordered;

  private record Ordered(long version, List<Node> nodes) {}

  /**
   * The result of a search.
   *
   * @param total every matching node
   * @param nodes the first {@code limit} of them, in order
   */
  public record Found(int total, List<Node> nodes) {}

  /** The nodes of {@code t} that match {@code q}: how many, and the first {@code limit}. */
  public Found search(Topology t, Query q, int limit) {
    List<Node> out = new ArrayList<>(Math.min(limit, 1024));
    int total = 0;
    for (Node n : ordered(t)) {
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

  private List<Node> ordered(Topology t) {
    Ordered o = ordered;
    if (o != null && o.version == t.version()) {
      return o.nodes;
    }
    List<Node> nodes = new ArrayList<>(t.nodes().values());
    nodes.sort(ORDER);
    ordered = new Ordered(t.version(), nodes);
    return nodes;
  }
}
