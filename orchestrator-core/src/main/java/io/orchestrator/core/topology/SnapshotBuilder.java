package io.orchestrator.core.topology;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges agent sub-graphs into one {@link Topology}, resolving each network flow's remote endpoint
 * against everything every agent reports: a process listening on that ip:port, else the host that
 * owns the ip (or its process listening on a wildcard address at that port), else the raw {@code
 * ip:port}. An address or listener claimed by two agents is ambiguous and stays raw, so the result
 * never depends on the order agents reported in. Loopback targets resolve within the agent.
 *
 * <p>Nodes and parent edges are reused from each agent's memo; an agent's resolved network edges
 * are reused while the fleet-wide {@link AddressIndex} has not changed. Not thread-safe: the
 * aggregator runs one build at a time.
 */
final class SnapshotBuilder {
  private final AddressIndex index;

  private SnapshotBuilder(AddressIndex index) {
    this.index = index;
  }

  /**
   * Builds a snapshot.
   *
   * @param previous the index of the previous build, to carry its generation when unchanged
   * @return the snapshot and the index it was resolved against
   */
  static Result build(
      List<AgentGraph> graphs, Instant timestamp, long version, AddressIndex previous) {
    AddressIndex index = AddressIndex.of(graphs, previous);
    SnapshotBuilder b = new SnapshotBuilder(index);
    int nodeCount = 0;
    for (AgentGraph g : graphs) {
      nodeCount += g.materialized().nodes().size();
    }
    HashMap<String, Node> nodes = new HashMap<>(nodeCount * 2);
    HashMap<String, Edge> edges = new HashMap<>(nodeCount * 4);
    for (AgentGraph g : graphs) {
      AgentGraph.Materialized m = g.materialized();
      nodes.putAll(m.nodes());
      edges.putAll(m.edges());
      b.networkEdges(g).forEach((k, e) -> edges.merge(k, e, SnapshotBuilder::sum));
    }
    Topology t = new Topology(FrozenMap.adopt(nodes), FrozenMap.adopt(edges), timestamp, version);
    return new Result(t, index);
  }

  private Map<String, Edge> networkEdges(AgentGraph g) {
    Map<String, Edge> cached = g.resolvedEdges(index.generation());
    if (cached != null) {
      return cached;
    }
    Map<String, Edge> edges = new HashMap<>();
    for (AgentGraph.Flow f : g.flows()) {
      Edge edge = new Edge(f.source(), resolve(g, f), EdgeType.NETWORK, f.protocol(), f.count());
      edges.merge(edge.key(), edge, SnapshotBuilder::sum);
    }
    g.cacheResolvedEdges(index.generation(), edges);
    return edges;
  }

  private static Edge sum(Edge a, Edge b) {
    return new Edge(
        a.source(), a.target(), a.type(), a.protocol(), a.connections() + b.connections());
  }

  private String resolve(AgentGraph g, AgentGraph.Flow f) {
    String addr = f.remoteAddr();
    if (Addresses.isLoopback(addr)) {
      return local(g, f);
    }
    String exact = index.exactListener(f.protocol(), addr, f.remotePort());
    if (exact != null) {
      return exact;
    }
    String host = index.hostOf(addr);
    if (host != null) {
      String process = index.wildcardListener(f.protocol(), host, f.remotePort());
      return process != null ? process : host;
    }
    return addr + ":" + f.remotePort();
  }

  private static String local(AgentGraph g, AgentGraph.Flow f) {
    for (AgentGraph.Listener l : g.listeners()) {
      boolean reachable = Addresses.isWildcard(l.addr()) || Addresses.isLoopback(l.addr());
      if (reachable && l.port() == f.remotePort() && l.protocol().equals(f.protocol())) {
        return l.owner();
      }
    }
    return g.agentId();
  }

  /**
   * A built snapshot.
   *
   * @param topology the snapshot
   * @param index the address index it was resolved against
   */
  record Result(Topology topology, AddressIndex index) {}
}
