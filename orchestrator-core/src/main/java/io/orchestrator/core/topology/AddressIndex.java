package io.orchestrator.core.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who owns which address across the fleet: listeners on a specific ip:port, listeners on a wildcard
 * address per host, and host addresses. An entry claimed by two different owners is ambiguous and
 * resolves to nothing. The generation changes only when the entries change, so edges resolved
 * against one generation stay valid for as long as it lasts. Immutable.
 */
final class AddressIndex {
  private static final String AMBIGUOUS = "\0ambiguous";

  private final Map<String, String> exactListeners = new HashMap<>();
  private final Map<String, String> wildcardListeners = new HashMap<>();
  private final Map<String, String> hostByIp = new HashMap<>();
  private long generation;

  private AddressIndex() {}

  /** The index of {@code graphs}, keeping {@code previous}'s generation when equal to it. */
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
    }
    if (previous == null) {
      index.generation = 0;
    } else {
      index.generation =
          index.sameEntries(previous) ? previous.generation : previous.generation + 1;
    }
    return index;
  }

  long generation() {
    return generation;
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

  private boolean sameEntries(AddressIndex other) {
    return hostByIp.equals(other.hostByIp)
        && exactListeners.equals(other.exactListeners)
        && wildcardListeners.equals(other.wildcardListeners);
  }

  private static void claim(Map<String, String> index, String key, String owner) {
    index.merge(key, owner, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
  }

  /** The owner claimed under {@code key}, or null when none or ambiguous. */
  private static String unique(Map<String, String> index, String key) {
    String owner = index.get(key);
    return AMBIGUOUS.equals(owner) ? null : owner;
  }

  private static String key(String protocol, String where, int port) {
    return protocol + "|" + where + "|" + port;
  }
}
