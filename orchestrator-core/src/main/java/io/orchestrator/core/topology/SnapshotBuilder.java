package io.orchestrator.core.topology;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges agent sub-graphs into one {@link Topology}, resolving each network flow's remote endpoint
 * against everything every agent reports: a process listening on that ip:port, else the host that
 * owns the ip (or its process listening on a wildcard address at that port), else the raw {@code
 * ip:port}. An address or listener claimed by two agents is ambiguous and stays raw, so the result
 * never depends on the order agents reported in. Loopback targets resolve within the agent.
 *
 * <p>Edges run from client to server (DESIGN §4.3, Direction): a socket accepted by a listening
 * port makes an edge from its client end to the local owner, unless the client side was reported
 * too (by any agent, or by the same agent over loopback), which then counts the connection once. An
 * edge from a node to itself is never made.
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
    // In agent order, not hash order: a scan of the snapshot (encoding, search, alert evaluation)
    // then walks objects that one report allocated together; touching every node and edge once
    // took 19 ms instead of 41 ms at 1,000 agents (AlertBenchmark.touchEverySubjectOnce).
    HashMap<String, Node> nodes = new LinkedHashMap<>(nodeCount * 2);
    HashMap<String, Edge> edges = new LinkedHashMap<>(nodeCount * 4);
    long tag = 0;
    for (AgentGraph g : graphs) {
      tag ^= contentTag(g);
      AgentGraph.Materialized m = g.materialized();
      nodes.putAll(m.nodes());
      edges.putAll(m.edges());
      b.networkEdges(g).forEach((k, e) -> edges.merge(k, e, SnapshotBuilder::sum));
    }
    Topology t =
        new Topology(FrozenMap.adopt(nodes), FrozenMap.adopt(edges), timestamp, version, tag);
    return new Result(t, index);
  }

  /**
   * One agent's share of {@link Topology#contentTag()}: its id and report stamp mixed (SplitMix64's
   * finaliser), combined by XOR so the order of agents does not matter.
   */
  private static long contentTag(AgentGraph g) {
    long z = g.agentId().hashCode() * 0x9E3779B97F4A7C15L + g.stamp();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private Map<String, Edge> networkEdges(AgentGraph g) {
    long listeners = index.listenerGeneration();
    long clients = index.clientGeneration();
    Map<String, Edge> cached = g.resolvedEdges(listeners, clients);
    if (cached != null) {
      return cached;
    }
    Map<String, Edge> edges = new HashMap<>();
    for (AgentGraph.Flow f : g.flows()) {
      String target = resolve(g, f);
      boolean external = target == null;
      String to = external ? f.remoteAddr() + ":" + f.remotePort() : target;
      put(edges, f.source(), to, f.protocol(), f.count(), external);
    }
    Set<String> localClients = null;
    for (AgentGraph.Socket s : g.acceptedSockets()) {
      boolean loopback = Addresses.isLoopback(s.remoteAddr());
      if (loopback && localClients == null) {
        localClients = loopbackClients(g);
      }
      boolean counted =
          loopback ? localClients.contains(AddressIndex.mirrorKey(s)) : index.hasClientSide(s);
      if (!counted) {
        String source = remoteEnd(g, s, loopback);
        boolean external = source == null;
        put(edges, external ? s.remoteAddr() : source, s.owner(), s.protocol(), 1, external);
      }
    }
    g.cacheResolvedEdges(listeners, clients, edges);
    return edges;
  }

  /** Adds {@code count} connections to an edge; an edge from a node to itself is not made. */
  private static void put(
      Map<String, Edge> edges,
      String source,
      String target,
      String protocol,
      int count,
      boolean external) {
    if (!source.equals(target)) {
      Edge edge = new Edge(source, target, EdgeType.NETWORK, protocol, count, external);
      edges.merge(edge.key(), edge, SnapshotBuilder::sum);
    }
  }

  private static Set<String> loopbackClients(AgentGraph g) {
    Set<String> keys = new HashSet<>();
    for (AgentGraph.Socket c : g.clientSockets()) {
      if (Addresses.isLoopback(c.localAddr())) {
        keys.add(AddressIndex.connectionKey(c));
      }
    }
    return keys;
  }

  /**
   * The client end of an accepted socket whose client side nobody reported: the node that owns that
   * ip and port, else the host that owns the ip; null when no agent owns the ip (the edge then
   * starts at the raw ip, without its ephemeral port).
   */
  private String remoteEnd(AgentGraph g, AgentGraph.Socket s, boolean loopback) {
    if (loopback) {
      return g.agentId();
    }
    String addr = s.remoteAddr();
    String owner = index.exactListener(s.protocol(), addr, s.remotePort());
    if (owner == null) {
      owner = index.clientEnd(s.protocol(), addr, s.remotePort());
    }
    if (owner != null) {
      return owner;
    }
    String host = index.hostOf(addr);
    if (host != null) {
      String process = index.wildcardListener(s.protocol(), host, s.remotePort());
      return process != null ? process : host;
    }
    return null;
  }

  private static Edge sum(Edge a, Edge b) {
    return new Edge(
        a.source(),
        a.target(),
        a.type(),
        a.protocol(),
        a.connections() + b.connections(),
        a.external() || b.external());
  }

  /** The node a flow reaches, or null when no agent owns its remote address. */
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
    return null; // no agent owns it: the caller makes the raw ip:port
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
