package io.orchestrator.core.report;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The network section of a report. Immutable and thread-safe; null lists become empty.
 *
 * @param connections the sockets, never null
 * @param totalConnections number of sockets
 * @param tcpConnections number of TCP sockets
 * @param udpConnections number of UDP sockets
 * @param listeningPorts listening sockets, never null
 * @param timestamp probe clock time of the section, may be null
 */
public record NetworkInfo(
    List<Connection> connections,
    int totalConnections,
    int tcpConnections,
    int udpConnections,
    List<ListeningPort> listeningPorts,
    OffsetDateTime timestamp) {

  /** Copies the lists, treating null as empty. */
  public NetworkInfo {
    connections = Lists.copyOf(connections);
    listeningPorts = Lists.copyOf(listeningPorts);
  }
}
