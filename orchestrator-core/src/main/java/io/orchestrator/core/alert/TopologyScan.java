package io.orchestrator.core.alert;

import io.orchestrator.core.alert.RuleMatcher.Found;
import io.orchestrator.core.alert.RuleMatcher.Hit;
import io.orchestrator.core.query.EdgeSubject;
import io.orchestrator.core.query.NodeSubject;
import io.orchestrator.core.query.Query;
import io.orchestrator.core.query.QuerySet;
import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.EdgeType;
import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * One pass of the node and edge rules over a topology. Each node type has its rules (without their
 * {@code type:} terms) in one {@link QuerySet}, the edge rules in another. The topology's parts
 * (one per agent) are split into as many runs as the common pool has threads, plus the caller's;
 * hits come back in the topology's order whatever the split. Not thread-safe to build; {@link #run}
 * may be called from any thread once built.
 */
final class TopologyScan {
  /** Fewer parts than this per run cost more to hand over than to scan. */
  private static final int MIN_PARTS_PER_RUN = 64;

  /** The query rules that apply to one node type: their indexes among the rules, tested at once. */
  private static final class TypeRules {
    final List<Integer> rules = new ArrayList<>();
    final List<Query> originals = new ArrayList<>();
    final List<Query> specialized = new ArrayList<>();
    QuerySet set;
  }

  private final Map<NodeType, TypeRules> byType = new EnumMap<>(NodeType.class);
  private final List<Integer> edgeRules = new ArrayList<>();
  private final List<Query> edgeQueries = new ArrayList<>();
  private QuerySet edges;

  /** Adds query rule {@code rule} under each node type it may match, without its type terms. */
  void addNodeRule(int rule, Query query) {
    for (NodeType type : NodeType.values()) {
      query
          .forType(type.wireName())
          .ifPresent(
              q -> {
                TypeRules tr = byType.computeIfAbsent(type, x -> new TypeRules());
                tr.rules.add(rule);
                tr.originals.add(query);
                tr.specialized.add(q);
              });
    }
  }

  /** Adds edge rule {@code rule}. */
  void addEdgeRule(int rule, Query query) {
    edgeRules.add(rule);
    edgeQueries.add(query);
  }

  /** True when no rule needs the topology. */
  boolean isEmpty() {
    return byType.isEmpty() && edgeRules.isEmpty();
  }

  /**
   * The rules (their indexes) that the last {@link #run} dropped because a regex of theirs proved
   * too expensive for some node's or edge's text.
   */
  Set<Integer> tripped() {
    Set<Integer> out = new TreeSet<>();
    if (edges != null) {
      edges.tripped().forEach(q -> out.add(edgeRules.get(q)));
    }
    for (TypeRules tr : byType.values()) {
      if (tr.set != null) {
        tr.set.tripped().forEach(q -> out.add(tr.rules.get(q)));
      }
    }
    return out;
  }

  /** The hits of every node and edge rule over {@code t}, in the topology's order. */
  List<Found> run(Topology t) {
    byType.values().forEach(tr -> tr.set = new QuerySet(tr.specialized));
    edges = new QuerySet(edgeQueries);
    int widest =
        Math.max(
            edges.size(), byType.values().stream().mapToInt(tr -> tr.set.size()).max().orElse(0));
    List<Topology.Part> parts = t.parts();
    int runs =
        Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, parts.size() / MIN_PARTS_PER_RUN);
    if (runs <= 1) {
      return scan(t, parts, widest);
    }
    List<CompletableFuture<List<Found>>> others = new ArrayList<>();
    for (int r = 1; r < runs; r++) {
      List<Topology.Part> share =
          parts.subList(parts.size() * r / runs, parts.size() * (r + 1) / runs);
      others.add(
          CompletableFuture.supplyAsync(() -> scan(t, share, widest), ForkJoinPool.commonPool()));
    }
    List<Found> out = scan(t, parts.subList(0, parts.size() / runs), widest);
    others.forEach(f -> out.addAll(f.join()));
    return out;
  }

  private List<Found> scan(Topology t, List<Topology.Part> parts, int widest) {
    List<Found> out = new ArrayList<>();
    int[] hits = new int[widest];
    for (Topology.Part p : parts) {
      if (!byType.isEmpty()) {
        scanNodes(t, p.nodes(), hits, out);
      }
      if (!edgeRules.isEmpty()) {
        scanEdges(p.edges(), hits, out);
      }
    }
    return out;
  }

  private void scanNodes(Topology t, Map<String, Node> nodes, int[] hits, List<Found> out) {
    for (Node n : nodes.values()) {
      TypeRules tr = byType.get(n.type());
      if (tr == null) {
        continue;
      }
      NodeSubject s = NodeSubject.of(n, t);
      int count = tr.set.matching(s, hits);
      for (int j = 0; j < count; j++) {
        int q = hits[j];
        Hit hit = new Hit(n.id(), value(tr.originals.get(q), s), () -> nodeLabels(n, s));
        out.add(new Found(tr.rules.get(q), hit));
      }
    }
  }

  private void scanEdges(Map<String, Edge> all, int[] hits, List<Found> out) {
    for (Map.Entry<String, Edge> entry : all.entrySet()) {
      Edge e = entry.getValue();
      if (e.type() != EdgeType.NETWORK) {
        continue;
      }
      int count = edges.matching(EdgeSubject.of(e), hits);
      for (int j = 0; j < count; j++) {
        // The edge's key (source->target-protocol): one alert per edge.
        Hit hit = new Hit(entry.getKey(), (double) e.connections(), () -> edgeLabels(e));
        out.add(new Found(edgeRules.get(hits[j]), hit));
      }
    }
  }

  private static Double value(Query q, NodeSubject s) {
    OptionalDouble v = q.value(s);
    return v.isPresent() ? v.getAsDouble() : null;
  }

  private static Map<String, String> nodeLabels(Node n, NodeSubject s) {
    Map<String, String> labels = new HashMap<>();
    labels.put("node_id", n.id());
    labels.put("node_type", n.type().wireName());
    List<String> agent = s.field("agent");
    if (!agent.isEmpty()) {
      labels.put("agent_id", agent.get(0));
    }
    return labels;
  }

  private static Map<String, String> edgeLabels(Edge e) {
    String protocol = e.protocol() == null ? "" : e.protocol();
    return Map.of("source", e.source(), "target", e.target(), "protocol", protocol);
  }
}
