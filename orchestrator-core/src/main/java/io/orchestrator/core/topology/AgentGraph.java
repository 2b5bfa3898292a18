package io.orchestrator.core.topology;

import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.Report;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One agent's sub-graph, built from its latest report. Ingest computes only what resolution needs
 * (process parents, flows, listeners, host addresses); nodes and parent-child edges are
 * materialised on first use by a snapshot and then reused by every later snapshot until the agent
 * reports again. Cross-agent edges are resolved by the {@link Assembly}, which keeps them while the
 * addresses they were resolved against keep their owners.
 *
 * <p>Thread-safe: immutable apart from the memos, which are published safely.
 */
final class AgentGraph {
  private final Report report;
  private final List<String> processParents;
  private final Map<String, List<Map<String, Object>>> listeningByOwner;
  private final List<Flow> flows;
  private final List<Listener> listeners;
  private final List<Socket> clientSockets;
  private final List<Socket> acceptedSockets;
  private final Set<String> hostIps;
  private final long networkShape;
  private final long shape;
  private long stamp; // set before the graph is published
  private volatile Materialized materialized;

  AgentGraph(
      Report report,
      List<String> processParents,
      Map<String, List<Map<String, Object>>> listeningByOwner,
      Resolution resolution) {
    this.report = report;
    this.processParents = processParents;
    this.listeningByOwner = listeningByOwner;
    this.flows = List.copyOf(resolution.flows());
    this.listeners = List.copyOf(resolution.listeners());
    this.clientSockets = List.copyOf(resolution.clientSockets());
    this.acceptedSockets = List.copyOf(resolution.acceptedSockets());
    this.hostIps = Set.copyOf(resolution.hostIps());
    this.networkShape = GraphShape.network(flows, listeners, acceptedSockets);
    this.shape = GraphShape.nodes(report, processParents) + networkShape;
  }

  /** {@code next}'s graph, sharing everything the report does not change. */
  private AgentGraph(AgentGraph same, Report next) {
    this.report = next;
    this.processParents = same.processParents;
    this.listeningByOwner = same.listeningByOwner;
    this.flows = same.flows;
    this.listeners = same.listeners;
    this.clientSockets = same.clientSockets;
    this.acceptedSockets = same.acceptedSockets;
    this.hostIps = same.hostIps;
    this.networkShape = same.networkShape;
    this.shape = GraphShape.nodes(next, processParents) + networkShape;
  }

  /**
   * The graph of {@code next}, a later report of this agent whose processes (pids and cgroups),
   * container ids and sockets are those of this graph's report (see {@link ReportStructure}): its
   * parents, listeners, flows and sockets are this graph's, and only what the new report's values
   * make (nodes, fingerprint) is its own.
   */
  AgentGraph withReport(Report next) {
    return new AgentGraph(this, next);
  }

  /** The report this graph was built from. */
  Report report() {
    return report;
  }

  /** The fingerprint of this sub-graph without its measurements (see {@link GraphShape}). */
  long shape() {
    return shape;
  }

  String agentId() {
    return report.agentId();
  }

  /** When its report was received (epoch microseconds), or 0 when unknown. */
  long stamp() {
    return stamp;
  }

  /** Sets {@link #stamp()}; only before the graph is published to other threads. */
  void stamp(long micros) {
    this.stamp = micros;
  }

  List<Flow> flows() {
    return flows;
  }

  List<Listener> listeners() {
    return listeners;
  }

  /** Sockets on the client side of a connection (their local port is not a listening one). */
  List<Socket> clientSockets() {
    return clientSockets;
  }

  /** Sockets on the server side: their local port is one this agent listens on. */
  List<Socket> acceptedSockets() {
    return acceptedSockets;
  }

  Set<String> hostIps() {
    return hostIps;
  }

  /** Nodes by id and parent-child edges by key, built once. */
  Materialized materialized() {
    Materialized m = materialized;
    if (m == null) {
      m = materialize();
      materialized = m;
    }
    return m;
  }

  private Materialized materialize() {
    String agentId = report.agentId();
    Map<String, Node> nodes = new HashMap<>();
    Map<String, Edge> edges = new HashMap<>();
    nodes.put(agentId, NodeFactory.host(report, listening(agentId)));
    if (report.dockerInfo() != null) {
      for (Container c : report.dockerInfo().containers()) {
        if (nodes.putIfAbsent(c.id(), NodeFactory.container(agentId, c)) == null) {
          putParentChild(edges, agentId, c.id());
        }
      }
    }
    if (report.processesInfo() != null) {
      List<ProcessInfo> processes = report.processesInfo().processes();
      for (int i = 0; i < processes.size(); i++) {
        String parent = processParents.get(i);
        if (parent != null) {
          String id = agentId + "-" + processes.get(i).pid();
          nodes.put(id, NodeFactory.process(id, parent, processes.get(i), listening(id)));
          putParentChild(edges, parent, id);
        }
      }
    }
    // read-only once, so every slice and encoder sees the same instance while this graph lasts
    return new Materialized(Collections.unmodifiableMap(nodes), Collections.unmodifiableMap(edges));
  }

  private List<Map<String, Object>> listening(String owner) {
    return listeningByOwner.getOrDefault(owner, List.of());
  }

  private static void putParentChild(Map<String, Edge> edges, String parent, String child) {
    Edge e = new Edge(parent, child, EdgeType.PARENT_CHILD, null, 0);
    edges.put(e.key(), e);
  }

  /**
   * Nodes and parent-child edges of one agent.
   *
   * @param nodes nodes by id
   * @param edges parent-child edges by key
   */
  record Materialized(Map<String, Node> nodes, Map<String, Edge> edges) {}

  /**
   * What the builder extracted for resolution.
   *
   * @param flows outgoing connections grouped by source and remote endpoint
   * @param listeners listening sockets with their owning node
   * @param clientSockets each client-side socket
   * @param acceptedSockets each server-side socket
   * @param hostIps the host's own addresses
   */
  record Resolution(
      List<Flow> flows,
      List<Listener> listeners,
      List<Socket> clientSockets,
      List<Socket> acceptedSockets,
      Set<String> hostIps) {}

  /**
   * One connected socket.
   *
   * @param owner the node id of the owning process, else the host
   * @param protocol "tcp" or "udp"
   * @param localAddr the local address
   * @param localPort the local port
   * @param remoteAddr the remote address
   * @param remotePort the remote port
   */
  record Socket(
      String owner,
      String protocol,
      String localAddr,
      int localPort,
      String remoteAddr,
      int remotePort) {}

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
