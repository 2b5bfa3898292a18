package io.orchestrator.core.topology;

import java.util.List;
import java.util.Set;

/**
 * One agent's sub-graph, built from its latest report: nodes and parent-child edges ready to use,
 * network flows still to be resolved against what the other agents report. Immutable.
 *
 * @param agentId the agent
 * @param nodes the host, its containers and processes
 * @param parentEdges parent-child edges
 * @param flows outgoing connections grouped by source and remote endpoint
 * @param listeners the agent's listening sockets, with the node that owns each
 * @param hostIps the host's own addresses (not wildcard, not loopback)
 */
record AgentGraph(
    String agentId,
    List<Node> nodes,
    List<Edge> parentEdges,
    List<Flow> flows,
    List<Listener> listeners,
    Set<String> hostIps) {

  AgentGraph {
    nodes = List.copyOf(nodes);
    parentEdges = List.copyOf(parentEdges);
    flows = List.copyOf(flows);
    listeners = List.copyOf(listeners);
    hostIps = Set.copyOf(hostIps);
  }

  /**
   * Connections from {@code source} to one remote endpoint.
   *
   * @param source the source node id
   * @param protocol "tcp" or "udp"
   * @param remoteAddr the remote address
   * @param remotePort the remote port
   * @param count how many connections
   */
  record Flow(String source, String protocol, String remoteAddr, int remotePort, int count) {}

  /**
   * A listening socket.
   *
   * @param protocol "tcp" or "udp"
   * @param addr the bound address (may be a wildcard)
   * @param port the port
   * @param owner the node id of the owning process, else the host
   */
  record Listener(String protocol, String addr, int port, String owner) {}
}
