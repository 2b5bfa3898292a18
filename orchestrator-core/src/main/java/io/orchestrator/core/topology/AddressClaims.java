package io.orchestrator.core.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who owns which address across the fleet, kept up to date one agent at a time: listeners on a
 * specific ip:port, listeners on a wildcard address per host, host addresses, and the local ends of
 * client sockets. An entry claimed by two different owners is ambiguous and resolves to nothing, so
 * the answer never depends on the order agents reported in.
 *
 * <p>{@link #replace} swaps one agent's claims and names the addresses whose entries it touched:
 * only edges resolved against those addresses can have changed. Not thread-safe: one writer (the
 * aggregator's builder) at a time.
 */
final class AddressClaims {
  private static final String AMBIGUOUS = AgentClaims.AMBIGUOUS;

  private final Map<String, Object> exactListeners = new HashMap<>();
  private final Map<String, Object> wildcardListeners = new HashMap<>();
  private final Map<String, Object> hostByIp = new HashMap<>();
  private final Map<String, Object> clientEnds = new HashMap<>();
  private final Map<String, Object> clientConnections = new HashMap<>();

  /**
   * Replaces what {@code before} claimed with what {@code after} claims (either may be null) and
   * adds to {@code changedIps} every address whose entries differ.
   */
  void replace(String agentId, AgentGraph before, AgentGraph after, Set<String> changedIps) {
    AgentClaims old = AgentClaims.of(before);
    AgentClaims now = AgentClaims.of(after);
    swap(hostByIp, agentId, old.hosts(), now.hosts(), changedIps);
    swap(exactListeners, agentId, old.exact(), now.exact(), changedIps);
    swap(clientEnds, agentId, old.clientEnds(), now.clientEnds(), changedIps);
    swap(clientConnections, agentId, old.connections(), now.connections(), changedIps);
    if (swap(wildcardListeners, agentId, old.wildcard(), now.wildcard(), null)) {
      // a wildcard listener is reached through any of its host's addresses
      changedIps.addAll(old.hosts().keySet());
      changedIps.addAll(now.hosts().keySet());
    }
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

  /** True when any entry differed; each differing key's address goes into {@code changedIps}. */
  private static boolean swap(
      Map<String, Object> index,
      String agentId,
      Map<String, AgentClaims.Owned> before,
      Map<String, AgentClaims.Owned> after,
      Set<String> changedIps) {
    boolean changed = false;
    for (Map.Entry<String, AgentClaims.Owned> e : before.entrySet()) {
      if (!e.getValue().equals(after.get(e.getKey()))) {
        unclaim(index, e.getKey(), agentId);
        changed = note(e.getValue(), changedIps);
      }
    }
    for (Map.Entry<String, AgentClaims.Owned> e : after.entrySet()) {
      if (!e.getValue().equals(before.get(e.getKey()))) {
        claim(index, e.getKey(), new Claim(agentId, e.getValue().owner()));
        changed = note(e.getValue(), changedIps);
      }
    }
    return changed;
  }

  private static boolean note(AgentClaims.Owned claim, Set<String> changedIps) {
    if (changedIps != null) {
      changedIps.add(claim.ip());
    }
    return true;
  }

  private static void claim(Map<String, Object> index, String key, Claim claim) {
    index.merge(
        key,
        claim,
        (a, b) -> {
          List<Claim> all = a instanceof Claim one ? new ArrayList<>(List.of(one)) : claims(a);
          all.add(claim);
          return all;
        });
  }

  private static void unclaim(Map<String, Object> index, String key, String agentId) {
    index.computeIfPresent(
        key,
        (k, v) -> {
          if (v instanceof Claim) {
            return null;
          }
          List<Claim> all = claims(v);
          all.removeIf(c -> c.agentId().equals(agentId));
          return all.size() == 1 ? all.get(0) : all;
        });
  }

  @SuppressWarnings("unchecked") // a value is a Claim or a list of them; nothing else is stored
  private static List<Claim> claims(Object value) {
    return (List<Claim>) value;
  }

  /** The owner claimed under {@code key}, or null when none or ambiguous. */
  private static String unique(Map<String, Object> index, String key) {
    Object v = index.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Claim one) {
      return AMBIGUOUS.equals(one.owner()) ? null : one.owner();
    }
    String owner = null;
    for (Claim c : claims(v)) {
      if (AMBIGUOUS.equals(c.owner()) || (owner != null && !owner.equals(c.owner()))) {
        return null;
      }
      owner = c.owner();
    }
    return owner;
  }

  static String key(String protocol, String where, int port) {
    return protocol + "|" + where + "|" + port;
  }

  /** The key the client side of {@code accepted} has in the index. */
  static String mirrorKey(AgentGraph.Socket accepted) {
    return AgentClaims.connectionKey(
        accepted.protocol(),
        accepted.remoteAddr(),
        accepted.remotePort(),
        accepted.localAddr(),
        accepted.localPort());
  }

  static String connectionKey(AgentGraph.Socket s) {
    return AgentClaims.connectionKey(
        s.protocol(), s.localAddr(), s.localPort(), s.remoteAddr(), s.remotePort());
  }

  /** One agent's claim on a key: the node that owns it, or {@link #AMBIGUOUS}. */
  private record Claim(String agentId, String owner) {}
}
