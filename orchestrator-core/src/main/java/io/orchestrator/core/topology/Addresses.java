package io.orchestrator.core.topology;

import java.util.Locale;
import java.util.Set;

/** Address classification shared by graph building and resolution. */
final class Addresses {
  private static final Set<String> WILDCARDS = Set.of("", "0.0.0.0", "::", "*", "[::]");

  private Addresses() {}

  static boolean isWildcard(String addr) {
    return addr == null || WILDCARDS.contains(addr);
  }

  static boolean isLoopback(String addr) {
    return addr != null
        && (addr.startsWith("127.") || addr.equals("::1") || addr.equals("localhost"));
  }

  /** An address that identifies its host: neither wildcard nor loopback. */
  static boolean isHostAddress(String addr) {
    return !isWildcard(addr) && !isLoopback(addr);
  }

  /** Lower-cased, with an address-family suffix dropped ("tcp6" is "tcp"). */
  static String protocol(String protocol) {
    if (protocol == null) {
      return "";
    }
    if (protocol.equals("tcp") || protocol.equals("udp")) {
      return protocol; // what real probes send: skip the copy
    }
    String p = protocol.toLowerCase(Locale.ROOT);
    return p.endsWith("6") || p.endsWith("4") ? p.substring(0, p.length() - 1) : p;
  }
}
