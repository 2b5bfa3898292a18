package io.orchestrator.core.topology;

import io.orchestrator.core.topology.Topology.Part;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Keeps the merged topology up to date one changed agent at a time (DESIGN §4.3), so a snapshot
 * costs what changed, not the fleet. A change swaps the agent's address claims; the agents whose
 * resolution consulted an address whose claims changed are resolved again, and only their slices
 * (and those of agents holding a key they share) are rebuilt. A snapshot shares every other slice,
 * and the persistent key maps, with the one before.
 *
 * <p>Not thread-safe: the aggregator calls it under its build lock. The snapshots it returns are
 * immutable.
 */
final class Assembly {
  private final Map<String, AgentState> agents = new HashMap<>();
  private final AddressClaims claims = new AddressClaims();
  private final EdgeResolver resolver = new EdgeResolver(claims);
  private final Map<String, Set<String>> dependents = new HashMap<>();
  private final KeyOwners nodeOwners = new KeyOwners();
  private final KeyOwners edgeOwners = new KeyOwners();
  private io.vavr.collection.HashMap<String, Part> slices = io.vavr.collection.HashMap.empty();
  private long contentTag;

  /**
   * Applies each agent's current graph (null when it is gone) and returns the snapshot.
   *
   * @param changes the agents that changed since the last update, with their graphs
   */
  Topology update(Map<String, AgentGraph> changes, Instant timestamp, long version) {
    Set<String> changedIps = new HashSet<>();
    Set<String> resolve = new LinkedHashSet<>();
    changes.forEach(
        (id, graph) -> {
          AgentState state = agents.get(id);
          AgentGraph before = state == null ? null : state.graph;
          if (before != graph) {
            claims.replace(id, before, graph, changedIps);
            contentTag ^= tagOf(before) ^ tagOf(graph);
            resolve.add(id);
          }
        });
    for (String ip : changedIps) {
      resolve.addAll(dependents.getOrDefault(ip, Set.of()));
    }
    Set<String> touched = new HashSet<>(resolve);
    for (String id : resolve) {
      AgentState state = agents.get(id);
      AgentGraph graph = changes.containsKey(id) ? changes.get(id) : state.graph;
      contribute(id, state, graph, touched);
    }
    for (String id : touched) {
      AgentState state = agents.get(id);
      slices = state == null ? slices.remove(id) : slices.put(id, sliceOf(id, state.contribution));
    }
    return new Topology(
        new SlicedMap<>(slices, nodeOwners.published(), Part::nodes),
        new SlicedMap<>(slices, edgeOwners.published(), Part::edges),
        timestamp,
        version,
        contentTag);
  }

  /** Resolves the agent's graph again and records how its contribution changed. */
  private void contribute(String id, AgentState state, AgentGraph graph, Set<String> touched) {
    Part before = state == null ? Part.EMPTY : state.contribution;
    Set<String> depsBefore = state == null ? Set.of() : state.dependencies;
    Part after = Part.EMPTY;
    Set<String> deps = new HashSet<>();
    if (graph == null) {
      agents.remove(id);
    } else {
      after = contributionOf(graph, deps);
      if (state != null && graph == state.graph && after.edges().equals(before.edges())) {
        // resolved again to the same edges: keep the maps, so snapshots and encoders share them
        after = before;
      }
      agents.put(id, new AgentState(graph, after, deps));
    }
    depend(id, depsBefore, deps);
    diff(nodeOwners, id, before.nodes(), after.nodes(), touched);
    diff(edgeOwners, id, before.edges(), after.edges(), touched);
  }

  private Part contributionOf(AgentGraph graph, Set<String> deps) {
    AgentGraph.Materialized m = graph.materialized();
    Map<String, Edge> network = resolver.resolve(graph, deps);
    if (network.isEmpty()) {
      return new Part(m.nodes(), m.edges());
    }
    Map<String, Edge> edges = new LinkedHashMap<>(m.edges());
    network.forEach((k, e) -> edges.merge(k, e, EdgeResolver::sum));
    return new Part(m.nodes(), edges);
  }

  private void depend(String id, Set<String> before, Set<String> after) {
    for (String ip : before) {
      if (!after.contains(ip)) {
        Set<String> agentsOfIp = dependents.get(ip);
        agentsOfIp.remove(id);
        if (agentsOfIp.isEmpty()) {
          dependents.remove(ip);
        }
      }
    }
    for (String ip : after) {
      if (!before.contains(ip)) {
        dependents.computeIfAbsent(ip, k -> new HashSet<>()).add(id);
      }
    }
  }

  private static <V> void diff(
      KeyOwners owners, String id, Map<String, V> before, Map<String, V> after, Set<String> out) {
    for (String key : before.keySet()) {
      if (!after.containsKey(key)) {
        owners.remove(key, id, out);
      }
    }
    after.forEach(
        (key, value) -> {
          if (!before.containsKey(key)) {
            owners.add(key, id, out);
          } else {
            owners.changed(key, out);
          }
        });
  }

  /** The agent's contribution less the keys other slices hold, with shared edges summed. */
  private Part sliceOf(String id, Part contribution) {
    return new Part(
        owned(id, contribution.nodes(), nodeOwners, (key, own) -> own),
        owned(id, contribution.edges(), edgeOwners, this::summed));
  }

  /**
   * The entries of {@code contribution} this agent's slice holds: {@code contribution} itself when
   * it shares no key, which is nearly always.
   */
  private static <V> Map<String, V> owned(
      String id,
      Map<String, V> contribution,
      KeyOwners owners,
      BiFunction<String, V, V> sharedValue) {
    boolean plain = true;
    for (String key : contribution.keySet()) {
      if (!id.equals(owners.owner(key)) || owners.contributors(key) != null) {
        plain = false;
        break;
      }
    }
    if (plain) {
      return contribution;
    }
    Map<String, V> out = new LinkedHashMap<>();
    contribution.forEach(
        (key, value) -> {
          if (id.equals(owners.owner(key))) {
            out.put(key, owners.contributors(key) == null ? value : sharedValue.apply(key, value));
          }
        });
    return out;
  }

  /** An edge several agents contribute: their contributions summed, in agent id order. */
  private Edge summed(String key, Edge own) {
    Edge total = null;
    for (String agent : edgeOwners.contributors(key)) {
      Edge e = agents.get(agent).contribution.edges().get(key);
      total = total == null ? e : EdgeResolver.sum(total, e);
    }
    return total == null ? own : total;
  }

  /**
   * One agent's share of {@link Topology#contentTag()}: its id and report stamp mixed (SplitMix64's
   * finaliser), combined by XOR so the order of agents does not matter; 0 for no graph.
   */
  private static long tagOf(AgentGraph g) {
    if (g == null) {
      return 0;
    }
    long z = g.agentId().hashCode() * 0x9E3779B97F4A7C15L + g.stamp();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** What the assembly knows of one agent. */
  private record AgentState(AgentGraph graph, Part contribution, Set<String> dependencies) {}
}
