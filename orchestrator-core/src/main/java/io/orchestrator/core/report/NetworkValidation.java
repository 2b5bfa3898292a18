package io.orchestrator.core.report;

import static io.orchestrator.core.report.ReportValidation.element;
import static io.orchestrator.core.report.ReportValidation.nonNegative;
import static io.orchestrator.core.report.ReportValidation.port;
import static io.orchestrator.core.report.ReportValidation.size;

import java.util.List;

/**
 * Validation of {@code network_info}; part of {@link ReportValidation}. Each entry is checked
 * without building its JSON path, which is only spelled out for the message of one that fails.
 */
final class NetworkValidation {
  private NetworkValidation() {}

  static void network(NetworkInfo info) {
    nonNegative("network_info.total_connections", info.totalConnections());
    nonNegative("network_info.tcp_connections", info.tcpConnections());
    nonNegative("network_info.udp_connections", info.udpConnections());
    List<Connection> conns = info.connections();
    size("network_info.connections", conns);
    for (int i = 0; i < conns.size(); i++) {
      Connection c = conns.get(i);
      if (c == null || !ok(c.localPort()) || !ok(c.remotePort()) || c.pid() < 0) {
        String at = "network_info.connections[" + i + "]";
        element(at, c);
        port(at + ".local_port", c.localPort());
        port(at + ".remote_port", c.remotePort());
        nonNegative(at + ".pid", c.pid());
      }
    }
    List<ListeningPort> listening = info.listeningPorts();
    size("network_info.listening_ports", listening);
    for (int i = 0; i < listening.size(); i++) {
      ListeningPort l = listening.get(i);
      if (l == null || !ok(l.port()) || l.pid() < 0) {
        String at = "network_info.listening_ports[" + i + "]";
        element(at, l);
        port(at + ".port", l.port());
        nonNegative(at + ".pid", l.pid());
      }
    }
  }

  private static boolean ok(int port) {
    return port >= 0 && port <= ReportValidation.MAX_PORT;
  }
}
