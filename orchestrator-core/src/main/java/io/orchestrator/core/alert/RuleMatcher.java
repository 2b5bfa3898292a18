package io.orchestrator.core.alert;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.query.AgentSubject;
import io.orchestrator.core.query.EdgeSubject;
import io.orchestrator.core.query.NodeSubject;
import io.orchestrator.core.query.Query;
import io.orchestrator.core.query.Subject;
import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.EdgeType;
import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Finds what each rule matches in one pass over the topology: each subject's view is built once and
 * the rules run inside, a rule seeing only the node types its {@code type:} terms allow (and never
 * testing those terms again), ordered so that consecutive rules read the same field. A match is
 * keyed by its subject (node id, edge key, agent) and builds its labels only when asked, so an
 * alert that persists costs no new label set. At most {@value #MAX_ALERTS_PER_RULE} matches per
 * rule. Not thread-safe: one evaluation at a time.
 */
final class RuleMatcher {
  static final int MAX_ALERTS_PER_RULE = 10_000;

  /** One matching subject: its key, value, and the labels it adds (built when asked). */
  record Hit(String key, Double value, Supplier<Map<String, String>> subjectLabels) {
    /** The alert's labels under {@code r}: the rule's, then the subject's. */
    Map<String, String> labels(AlertRule r) {
      Map<String, String> labels = new TreeMap<>(r.labels());
      labels.put("alertname", r.name());
      labels.put("severity", r.severity().wireName());
      labels.putAll(subjectLabels.get());
      return Collections.unmodifiableMap(labels);
    }
  }

  /** A query rule as it applies to one node type, with its index among the rules. */
  private record Specialized(int rule, Query query, Query original) {}

  /** A hit of the rule at {@code rule}, found by a chunk. */
  private record Found(int rule, Hit hit) {}

  private long truncated;

  /**
   * Matches per rule name, by subject key. The topology is asked for only when a node or edge rule
   * needs it: building a snapshot materialises every node of the fleet.
   */
  Map<String, Map<String, Hit>> match(
      List<AlertRule> rules, Supplier<Topology> topology, List<Agent> agents, Instant now) {
    Map<NodeType, List<Specialized>> byType = new EnumMap<>(NodeType.class);
    NodeType[] types = NodeType.values();
    for (NodeType type : types) {
      byType.put(type, new ArrayList<>());
    }
    List<Integer> edgeRules = new ArrayList<>();
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      AlertRule r = rules.get(i);
      switch (r.kind()) {
        case QUERY -> {
          for (NodeType type : types) {
            int rule = i;
            r.query()
                .forType(type.wireName())
                .ifPresent(q -> byType.get(type).add(new Specialized(rule, q, r.query())));
          }
        }
        case EDGE -> edgeRules.add(i);
        case AGENT_STALE -> matchAgents(i, r, agents, now, found);
      }
    }
    byType.values().forEach(l -> l.sort(Comparator.comparing(s -> s.query().firstField())));
    found.addAll(scan(topology, rules, byType, edgeRules));
    return collect(rules, found);
  }

  private static List<Found> scan(
      Supplier<Topology> topology,
      List<AlertRule> rules,
      Map<NodeType, List<Specialized>> byType,
      List<Integer> edgeRules) {
    List<Found> out = new ArrayList<>();
    boolean nodes = byType.values().stream().anyMatch(l -> !l.isEmpty());
    if (!nodes && edgeRules.isEmpty()) {
      return out;
    }
    Topology t = topology.get();
    if (nodes) {
      scanNodes(t, byType, out);
    }
    if (!edgeRules.isEmpty()) {
      scanEdges(t, rules, edgeRules, out);
    }
    return out;
  }

  private static void scanNodes(
      Topology t, Map<NodeType, List<Specialized>> byType, List<Found> out) {
    for (Node n : t.nodes().values()) {
      List<Specialized> candidates = byType.get(n.type());
      if (candidates.isEmpty()) {
        continue;
      }
      NodeSubject s = NodeSubject.of(n, t);
      for (Specialized c : candidates) {
        if (c.query().matches(s)) {
          Hit hit = new Hit(n.id(), value(c.original(), s), () -> nodeLabels(n, s));
          out.add(new Found(c.rule(), hit));
        }
      }
    }
  }

  private static void scanEdges(
      Topology t, List<AlertRule> rules, List<Integer> edgeRules, List<Found> out) {
    for (Map.Entry<String, Edge> entry : t.edges().entrySet()) {
      Edge e = entry.getValue();
      if (e.type() != EdgeType.NETWORK) {
        continue;
      }
      EdgeSubject s = EdgeSubject.of(e);
      for (int r : edgeRules) {
        if (rules.get(r).query().matches(s)) {
          // The edge's key (source->target-protocol): one alert per edge.
          Hit hit = new Hit(entry.getKey(), (double) e.connections(), () -> edgeLabels(e));
          out.add(new Found(r, hit));
        }
      }
    }
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

  /**
   * The subject key of an alert of {@code r} with {@code labels}, as {@link #match} keys its hits;
   * null when the labels do not say. Lets an evaluator take over alerts another replica raised.
   */
  static String keyOf(AlertRule r, Map<String, String> labels) {
    return switch (r.kind()) {
      case QUERY -> labels.get("node_id");
      case EDGE ->
          labels.containsKey("source") && labels.containsKey("target")
              ? labels.get("source") + "->" + labels.get("target") + "-" + labels.get("protocol")
              : null;
      case AGENT_STALE ->
          labels.containsKey("agent_id")
              ? labels.get("agent_id") + "@" + labels.getOrDefault("hostname", "")
              : null;
    };
  }

  private static Map<String, String> edgeLabels(Edge e) {
    String protocol = e.protocol() == null ? "" : e.protocol();
    return Map.of("source", e.source(), "target", e.target(), "protocol", protocol);
  }

  private static void matchAgents(
      int rule, AlertRule r, List<Agent> agents, Instant now, List<Found> out) {
    for (Agent a : agents) {
      if (a.status() != AgentStatus.STALE) {
        continue;
      }
      AgentSubject s = AgentSubject.of(a, now);
      if (r.query().matches(s)) {
        String hostname = a.hostname() == null ? "" : a.hostname();
        // A new hostname is a new alert: its labels differ.
        String key = a.agentId() + "@" + hostname;
        Supplier<Map<String, String>> labels =
            () -> Map.of("agent_id", a.agentId(), "hostname", hostname);
        out.add(new Found(rule, new Hit(key, s.metric("silence"), labels)));
      }
    }
  }

  private static Double value(Query q, Subject s) {
    OptionalDouble v = q.value(s);
    return v.isPresent() ? v.getAsDouble() : null;
  }

  /** The hits per rule name, at most {@value #MAX_ALERTS_PER_RULE} each. */
  private Map<String, Map<String, Hit>> collect(List<AlertRule> rules, List<Found> found) {
    List<Map<String, Hit>> byRule = new ArrayList<>(rules.size());
    Map<String, Map<String, Hit>> out = new HashMap<>();
    for (AlertRule r : rules) {
      Map<String, Hit> hits = new HashMap<>();
      byRule.add(hits);
      out.put(r.name(), hits);
    }
    for (Found f : found) {
      Map<String, Hit> hits = byRule.get(f.rule());
      if (hits.size() >= MAX_ALERTS_PER_RULE) {
        truncated++;
      } else {
        hits.putIfAbsent(f.hit().key(), f.hit());
      }
    }
    return out;
  }

  /** Matches dropped because a rule had {@value #MAX_ALERTS_PER_RULE} already, since start. */
  long truncated() {
    return truncated;
  }
}
