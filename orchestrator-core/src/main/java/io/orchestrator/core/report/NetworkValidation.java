package io.orchestrator.core.report;

import static io.orchestrator.core.report.ReportValidation.element;
import static io.orchestrator.core.report.ReportValidation.nonNegative;
import static io.orchestrator.core.report.ReportValidation.port;
import static io.orchestrator.core.report.ReportValidation.size;

import java.util.List;

/** Validation of {@code network_info}; part of {@link ReportValidation}. */
final class NetworkValidation {
  private NetworkValidation() {}

  static void network(NetworkInfo info) {
    nonNegative("network_info.total_connections", info.totalConnections());
    nonNegative("network_info.tcp_connections", info.tcpConnections());
    nonNegative("network_info.udp_connections", info.udpConnections());
    List<Connection> conns = info.connections();
    size("network_info.connections", conns);
    for (int i = 0; i < conns.size(); i++) {
      String at = "network_info.connections[" + i + "]";
      Connection c = element(at, conns.get(i));
      port(at + ".local_port", c.localPort());
      port(at + ".remote_port", c.remotePort());
      nonNegative(at + ".pid", c.pid());
    }
    List<ListeningPort> listening = info.listeningPorts();
    size("network_info.listening_ports", listening);
    for (int i = 0; i < listening.size(); i++) {
      String at = "network_info.listening_ports[" + i + "]";
      ListeningPort l = element(at, listening.get(i));
      port(at + ".port", l.port());
      nonNegative(at + ".pid", l.pid());
    }
  }
}
