package io.orchestrator.core.topology;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Merges agent sub-graphs into one {@link Topology}, resolving each network flow's remote endpoint
 * against everything every agent reports: a process listening on that ip:port, else the host that
 * owns the ip (or its process listening on a wildcard address at that port), else the raw {@code
 * ip:port}. An address or listener claimed by two agents is ambiguous and stays raw, so the result
 * never depends on the order agents reported in. Loopback targets resolve within the agent.
 */
final class SnapshotBuilder {
  private static final String AMBIGUOUS = "\0ambiguous";

  private final Map<String, String> exactListeners = new HashMap<>();
  private final Map<String, String> wildcardListeners = new HashMap<>();
  private final Map<String, String> hostByIp = new HashMap<>();
  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Edge> edges = new HashMap<>();

  static Topology build(Collection<AgentGraph> graphs, Instant timestamp, long version) {
    SnapshotBuilder b = new SnapshotBuilder();
    graphs.forEach(b::index);
    graphs.forEach(b::add);
    return new Topology(b.nodes, b.edges, timestamp, version);
  }

  private void index(AgentGraph g) {
    g.hostIps().forEach(ip -> claim(hostByIp, ip, g.agentId()));
    for (AgentGraph.Listener l : g.listeners()) {
      if (Addresses.isWildcard(l.addr())) {
        claim(wildcardListeners, key(l.protocol(), g.agentId(), l.port()), l.owner());
      } else if (!Addresses.isLoopback(l.addr())) {
        claim(exactListeners, key(l.protocol(), l.addr(), l.port()), l.owner());
      }
    }
  }

  private static void claim(Map<String, String> index, String key, String owner) {
    index.merge(key, owner, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
  }

  private void add(AgentGraph g) {
    g.nodes().forEach(n -> nodes.put(n.id(), n));
    g.parentEdges().forEach(e -> edges.put(e.key(), e));
    for (AgentGraph.Flow f : g.flows()) {
      String target = resolve(g, f);
      Edge edge = new Edge(f.source(), target, EdgeType.NETWORK, f.protocol(), f.count());
      edges.merge(
          edge.key(),
          edge,
          (a, b) ->
              new Edge(
                  a.source(),
                  a.target(),
                  a.type(),
                  a.protocol(),
                  a.connections() + b.connections()));
    }
  }

  private String resolve(AgentGraph g, AgentGraph.Flow f) {
    String addr = f.remoteAddr();
    if (Addresses.isLoopback(addr)) {
      return local(g, f);
    }
    String exact = unique(exactListeners, key(f.protocol(), addr, f.remotePort()));
    if (exact != null) {
      return exact;
    }
    String host = unique(hostByIp, addr);
    if (host != null) {
      String process = unique(wildcardListeners, key(f.protocol(), host, f.remotePort()));
      return process != null ? process : host;
    }
    return addr + ":" + f.remotePort();
  }

  /** The owner claimed under {@code key}, or null when none or ambiguous. */
  private static String unique(Map<String, String> index, String key) {
    String owner = index.get(key);
    return AMBIGUOUS.equals(owner) ? null : owner;
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

  private static String key(String protocol, String where, int port) {
    return protocol + "|" + where + "|" + port;
  }
}
