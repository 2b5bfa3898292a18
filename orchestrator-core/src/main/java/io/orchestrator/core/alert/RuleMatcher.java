package io.orchestrator.core.alert;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.query.AgentSubject;
import io.orchestrator.core.query.QueryException;
import io.orchestrator.core.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what each rule matches: agent rules over the agents, node and edge rules in one pass over
 * the topology ({@link TopologyScan}: each subject's view is built once and all rules run inside, a
 * rule seeing only the node types its {@code type:} terms allow). A match is keyed by its subject
 * (node id, edge key, agent) and builds its labels only when asked, so an alert that persists costs
 * no new label set. At most {@value #MAX_ALERTS_PER_RULE} matches per rule. Not thread-safe: one
 * evaluation at a time.
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

  /** A hit of the rule at {@code rule}. */
  record Found(int rule, Hit hit) {}

  private static final Logger LOG = LoggerFactory.getLogger(RuleMatcher.class);

  private long truncated;
  private final AtomicLong regexTrips = new AtomicLong(); // read without the evaluator's lock

  /**
   * Matches per rule name, by subject key. The topology is asked for only when a node or edge rule
   * needs it: building a snapshot materialises every node of the fleet.
   */
  Map<String, Map<String, Hit>> match(
      List<AlertRule> rules, Supplier<Topology> topology, List<Agent> agents, Instant now) {
    TopologyScan scan = new TopologyScan();
    List<Found> found = new ArrayList<>();
    Set<Integer> tripped = new TreeSet<>();
    for (int i = 0; i < rules.size(); i++) {
      AlertRule r = rules.get(i);
      switch (r.kind()) {
        case QUERY -> scan.addNodeRule(i, r.query());
        case EDGE -> scan.addEdgeRule(i, r.query());
        case AGENT_STALE -> {
          if (!matchAgents(i, r, agents, now, found)) {
            tripped.add(i);
          }
        }
      }
    }
    if (!scan.isEmpty()) {
      found.addAll(scan.run(topology.get()));
      tripped.addAll(scan.tripped());
    }
    if (!tripped.isEmpty()) {
      regexTrips.addAndGet(tripped.size());
      List<String> names = tripped.stream().map(i -> rules.get(i).name()).toList();
      LOG.warn("rules {} stop matching in this evaluation: a regex is too expensive", names);
    }
    return collect(rules, found);
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

  /**
   * Adds the stale agents {@code r} matches. As in a QuerySet, a rule whose regex proves too
   * expensive for an agent's text stops matching for this evaluation, so that it costs its budget
   * once.
   *
   * @return false when the rule stopped so
   */
  private static boolean matchAgents(
      int rule, AlertRule r, List<Agent> agents, Instant now, List<Found> out) {
    for (Agent a : agents) {
      if (a.status() != AgentStatus.STALE) {
        continue;
      }
      AgentSubject s = AgentSubject.of(a, now);
      boolean matches;
      try {
        matches = r.query().matches(s);
      } catch (QueryException e) {
        return false;
      }
      if (matches) {
        String hostname = a.hostname() == null ? "" : a.hostname();
        // A new hostname is a new alert: its labels differ.
        String key = a.agentId() + "@" + hostname;
        Supplier<Map<String, String>> labels =
            () -> Map.of("agent_id", a.agentId(), "hostname", hostname);
        out.add(new Found(rule, new Hit(key, s.metric("silence"), labels)));
      }
    }
    return true;
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

  /**
   * Times since start that a rule stopped matching in an evaluation because its regex proved too
   * expensive for some subject's text.
   */
  long regexTrips() {
    return regexTrips.get();
  }

  /** Matches dropped because a rule had {@value #MAX_ALERTS_PER_RULE} already, since start. */
  long truncated() {
    return truncated;
  }
}
