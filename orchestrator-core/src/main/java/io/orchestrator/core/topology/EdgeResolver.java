package io.orchestrator.core.topology;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Resolves one agent's network flows against the fleet's {@link AddressClaims}: a process listening
 * on the remote ip:port, else the host that owns the ip (or its process listening on a wildcard
 * address at that port), else the raw {@code ip:port}. Loopback targets resolve within the agent.
 *
 * <p>Edges run from client to server (DESIGN §4.3, Direction): a socket accepted by a listening
 * port makes an edge from its client end to the local owner, unless the client side was reported
 * too (by any agent, or by the same agent over loopback), which then counts the connection once. An
 * edge from a node to itself is never made.
 *
 * <p>Every lookup concerns a remote address, so the addresses a resolution consulted are all it
 * depends on: it stays valid until the claims on one of them change. Not thread-safe.
 */
final class EdgeResolver {
  private final AddressClaims claims;

  EdgeResolver(AddressClaims claims) {
    this.claims = claims;
  }

  /**
   * One agent's network edges by key.
   *
   * @param dependencies receives every non-loopback remote address the resolution consulted
   */
  Map<String, Edge> resolve(AgentGraph g, Set<String> dependencies) {
    Map<String, Edge> edges = new HashMap<>();
    for (AgentGraph.Flow f : g.flows()) {
      String target = target(g, f, dependencies);
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
      if (!loopback) {
        dependencies.add(s.remoteAddr());
      }
      boolean counted =
          loopback ? localClients.contains(AddressClaims.mirrorKey(s)) : claims.hasClientSide(s);
      if (!counted) {
        String source = remoteEnd(g, s, loopback);
        boolean external = source == null;
        put(edges, external ? s.remoteAddr() : source, s.owner(), s.protocol(), 1, external);
      }
    }
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
      edges.merge(edge.key(), edge, EdgeResolver::sum);
    }
  }

  /** Two contributions to one edge: their connections add up. */
  static Edge sum(Edge a, Edge b) {
    return new Edge(
        a.source(),
        a.target(),
        a.type(),
        a.protocol(),
        a.connections() + b.connections(),
        a.external() || b.external());
  }

  private static Set<String> loopbackClients(AgentGraph g) {
    Set<String> keys = new HashSet<>();
    for (AgentGraph.Socket c : g.clientSockets()) {
      if (Addresses.isLoopback(c.localAddr())) {
        keys.add(AddressClaims.connectionKey(c));
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
    String owner = claims.exactListener(s.protocol(), addr, s.remotePort());
    if (owner == null) {
      owner = claims.clientEnd(s.protocol(), addr, s.remotePort());
    }
    return owner != null ? owner : hostOrItsListener(s.protocol(), addr, s.remotePort());
  }

  /** The node a flow reaches, or null when no agent owns its remote address. */
  private String target(AgentGraph g, AgentGraph.Flow f, Set<String> dependencies) {
    String addr = f.remoteAddr();
    if (Addresses.isLoopback(addr)) {
      return local(g, f);
    }
    dependencies.add(addr);
    String exact = claims.exactListener(f.protocol(), addr, f.remotePort());
    return exact != null ? exact : hostOrItsListener(f.protocol(), addr, f.remotePort());
  }

  private String hostOrItsListener(String protocol, String addr, int port) {
    String host = claims.hostOf(addr);
    if (host == null) {
      return null;
    }
    String process = claims.wildcardListener(protocol, host, port);
    return process != null ? process : host;
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
}
