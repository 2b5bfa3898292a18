package io.orchestrator.core.topology;

import java.util.HashMap;
import java.util.Map;

/**
 * What one agent's graph claims in the fleet's {@link AddressClaims}, by key, for each kind of
 * entry: the key's owner within the agent and the address the key is about. Built when a graph
 * arrives and again when it is replaced, so nothing of it is kept between the two. Immutable once
 * built.
 *
 * @param hosts the host's addresses
 * @param exact listeners on a specific address
 * @param wildcard listeners on a wildcard address, keyed by the agent
 * @param clientEnds the local ends of client sockets
 * @param connections client sockets' whole connections
 */
record AgentClaims(
    Map<String, Owned> hosts,
    Map<String, Owned> exact,
    Map<String, Owned> wildcard,
    Map<String, Owned> clientEnds,
    Map<String, Owned> connections) {
  private static final AgentClaims NONE =
      new AgentClaims(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

  /** A key claimed by two of one agent's nodes (or, in the index, by two agents' nodes). */
  static final String AMBIGUOUS = "\0ambiguous";

  static AgentClaims of(AgentGraph g) {
    if (g == null) {
      return NONE;
    }
    AgentClaims c =
        new AgentClaims(
            new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    g.hostIps().forEach(ip -> put(c.hosts, ip, g.agentId(), ip));
    for (AgentGraph.Listener l : g.listeners()) {
      if (Addresses.isWildcard(l.addr())) {
        // found through the host's addresses, which replace() marks when these change
        put(
            c.wildcard,
            AddressClaims.key(l.protocol(), g.agentId(), l.port()),
            l.owner(),
            g.agentId());
      } else if (!Addresses.isLoopback(l.addr())) {
        put(c.exact, AddressClaims.key(l.protocol(), l.addr(), l.port()), l.owner(), l.addr());
      }
    }
    for (AgentGraph.Socket s : g.clientSockets()) {
      if (Addresses.isHostAddress(s.localAddr())) {
        String key = AddressClaims.key(s.protocol(), s.localAddr(), s.localPort());
        put(c.clientEnds, key, s.owner(), s.localAddr());
        put(c.connections, AddressClaims.connectionKey(s), s.owner(), s.localAddr());
      }
    }
    return c;
  }

  private static void put(Map<String, Owned> claims, String key, String owner, String ip) {
    claims.merge(
        key,
        new Owned(owner, ip),
        (a, b) -> a.owner().equals(b.owner()) ? a : new Owned(AMBIGUOUS, a.ip()));
  }

  static String connectionKey(String protocol, String addr, int port, String peer, int peerPort) {
    return protocol + "|" + addr + "|" + port + "|" + peer + "|" + peerPort;
  }

  /**
   * A key's owner within one agent ({@link #AMBIGUOUS} when two of its nodes claim it), and the
   * address the key is about.
   */
  record Owned(String owner, String ip) {}
}
