package io.orchestrator.core.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who owns which address across the fleet: listeners on a specific ip:port, listeners on a wildcard
 * address per host, host addresses, and the local ends of client sockets. An entry claimed by two
 * different owners is ambiguous and resolves to nothing.
 *
 * <p>Two generations, each changing only when its entries change, so edges resolved against one
 * stay valid for as long as it lasts: the listener generation (hosts and listeners, which change
 * rarely) and the client generation (client sockets, which change with nearly every report and
 * matter only to agents that accept connections). Immutable.
 */
final class AddressIndex {
  private static final String AMBIGUOUS = "\0ambiguous";

  private final Map<String, String> exactListeners = new HashMap<>();
  private final Map<String, String> wildcardListeners = new HashMap<>();
  private final Map<String, String> hostByIp = new HashMap<>();
  private final Map<String, String> clientEnds = new HashMap<>();
  private final Map<String, String> clientConnections = new HashMap<>();
  private long listenerGeneration;
  private long clientGeneration;

  private AddressIndex() {}

  /** The index of {@code graphs}, keeping {@code previous}'s generations where equal to it. */
  static AddressIndex of(List<AgentGraph> graphs, AddressIndex previous) {
    AddressIndex index = new AddressIndex();
    for (AgentGraph g : graphs) {
      g.hostIps().forEach(ip -> claim(index.hostByIp, ip, g.agentId()));
      for (AgentGraph.Listener l : g.listeners()) {
        if (Addresses.isWildcard(l.addr())) {
          claim(index.wildcardListeners, key(l.protocol(), g.agentId(), l.port()), l.owner());
        } else if (!Addresses.isLoopback(l.addr())) {
          claim(index.exactListeners, key(l.protocol(), l.addr(), l.port()), l.owner());
        }
      }
      for (AgentGraph.Socket s : g.clientSockets()) {
        if (Addresses.isHostAddress(s.localAddr())) {
          claim(index.clientEnds, key(s.protocol(), s.localAddr(), s.localPort()), s.owner());
          claim(index.clientConnections, connectionKey(s), s.owner());
        }
      }
    }
    if (previous != null) {
      index.listenerGeneration =
          index.sameListeners(previous)
              ? previous.listenerGeneration
              : previous.listenerGeneration + 1;
      index.clientGeneration =
          index.sameClients(previous) ? previous.clientGeneration : previous.clientGeneration + 1;
    }
    return index;
  }

  long listenerGeneration() {
    return listenerGeneration;
  }

  long clientGeneration() {
    return clientGeneration;
  }

  String exactListener(String protocol, String addr, int port) {
    return unique(exactListeners, key(protocol, addr, port));
  }

  String wildcardListener(String protocol, String host, int port) {
    return unique(wildcardListeners, key(protocol, host, port));
  }

  String hostOf(String addr) {
    return unique(hostByIp, addr);
  }

  /** The owner of the client socket bound to {@code addr:port}, or null. */
  String clientEnd(String protocol, String addr, int port) {
    return unique(clientEnds, key(protocol, addr, port));
  }

  /**
   * True when some agent reported the client side of the connection whose server side is {@code
   * accepted}: that agent's flow already counts it.
   */
  boolean hasClientSide(AgentGraph.Socket accepted) {
    return clientConnections.containsKey(mirrorKey(accepted));
  }

  private boolean sameListeners(AddressIndex other) {
    return hostByIp.equals(other.hostByIp)
        && exactListeners.equals(other.exactListeners)
        && wildcardListeners.equals(other.wildcardListeners);
  }

  private boolean sameClients(AddressIndex other) {
    return clientConnections.equals(other.clientConnections);
  }

  private static void claim(Map<String, String> index, String key, String owner) {
    index.merge(key, owner, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
  }

  /** The owner claimed under {@code key}, or null when none or ambiguous. */
  private static String unique(Map<String, String> index, String key) {
    String owner = index.get(key);
    return AMBIGUOUS.equals(owner) ? null : owner;
  }

  static String key(String protocol, String where, int port) {
    return protocol + "|" + where + "|" + port;
  }

  static String connectionKey(AgentGraph.Socket s) {
    return s.protocol()
        + "|"
        + s.localAddr()
        + "|"
        + s.localPort()
        + "|"
        + s.remoteAddr()
        + "|"
        + s.remotePort();
  }

  /** The key the client side of {@code accepted} has in the index. */
  static String mirrorKey(AgentGraph.Socket accepted) {
    return accepted.protocol()
        + "|"
        + accepted.remoteAddr()
        + "|"
        + accepted.remotePort()
        + "|"
        + accepted.localAddr()
        + "|"
        + accepted.localPort();
  }
}
