package io.orchestrator.core.topology;

import io.orchestrator.core.report.Connection;
import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.ListeningPort;
import io.orchestrator.core.report.NetworkInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Extracts from one report what the topology needs at ingest (DESIGN §4.3): each process's parent
 * (its container from the cgroup, else the host), listening sockets by owner, outgoing flows and
 * the host's addresses. Not thread-safe; one per report.
 */
final class AgentGraphBuilder {
  private final Report report;
  private final String agentId;
  private final Map<Integer, String> processIds;
  private final Map<String, Set<Socket>> listeningByOwner = new HashMap<>();
  private final List<AgentGraph.Listener> listeners = new ArrayList<>();
  private final Set<PortKey> listeningPorts = new HashSet<>();
  private final List<AgentGraph.Socket> clientSockets = new ArrayList<>();
  private final List<AgentGraph.Socket> acceptedSockets = new ArrayList<>();
  private final Map<FlowKey, Integer> flowCounts;
  private final Set<String> hostIps = new LinkedHashSet<>();

  private AgentGraphBuilder(Report report) {
    this.report = report;
    this.agentId = report.agentId();
    int processes = report.processesInfo() == null ? 0 : report.processesInfo().processes().size();
    int connections = report.networkInfo() == null ? 0 : report.networkInfo().connections().size();
    this.processIds = new HashMap<>(processes * 2);
    this.flowCounts = new LinkedHashMap<>(connections * 2);
  }

  /**
   * The graph of {@code report}; when {@code previous} (the agent's graph so far, or null) was
   * built from a report of the same structure, what it extracted is reused rather than extracted
   * again.
   */
  static AgentGraph build(Report report, AgentGraph previous) {
    if (previous != null && ReportStructure.same(previous.report(), report)) {
      return previous.withReport(report);
    }
    return new AgentGraphBuilder(report).build();
  }

  private AgentGraph build() {
    List<ProcessInfo> processes =
        report.processesInfo() == null ? List.of() : report.processesInfo().processes();
    List<String> parents = processParents(processes);
    if (report.networkInfo() != null) {
      scanNetwork(report.networkInfo());
    }
    List<AgentGraph.Flow> flows = new ArrayList<>(flowCounts.size());
    flowCounts.forEach(
        (k, n) -> flows.add(new AgentGraph.Flow(k.owner, k.protocol, k.addr, k.port, n)));
    return new AgentGraph(
        report,
        parents,
        listeningMetadata(),
        new AgentGraph.Resolution(flows, listeners, clientSockets, acceptedSockets, hostIps));
  }

  /**
   * Each process's parent id, or null for a repeated pid (the first one wins). Also registers every
   * pid as a process the connections may name (see owner).
   */
  private List<String> processParents(List<ProcessInfo> processes) {
    Map<String, String> containersByLowerId = new HashMap<>();
    if (report.dockerInfo() != null) {
      for (Container c : report.dockerInfo().containers()) {
        containersByLowerId.putIfAbsent(c.id().toLowerCase(Locale.ROOT), c.id());
      }
    }
    String[] parents = new String[processes.size()];
    for (int i = 0; i < parents.length; i++) {
      ProcessInfo p = processes.get(i);
      if (!processIds.containsKey(p.pid())) {
        processIds.put(p.pid(), null); // the node id is built only if a connection needs it
        String container =
            containersByLowerId.isEmpty()
                ? null
                : ContainerIds.match(ContainerIds.candidate(p.cgroup()), containersByLowerId);
        parents[i] = container != null ? container : agentId;
      }
    }
    return Arrays.asList(parents);
  }

  /**
   * Listeners first, so that each connected socket can be told apart: one whose local port this
   * agent listens on (same protocol) is the server side of its connection (DESIGN §4.3, Direction);
   * any other is a client, whose connections are grouped into flows.
   */
  private void scanNetwork(NetworkInfo net) {
    for (Connection c : net.connections()) {
      if (Addresses.isHostAddress(c.localAddr())) {
        hostIps.add(c.localAddr());
      }
      if (isListening(c)) {
        listen(c.protocol(), c.localAddr(), c.localPort(), owner(c.pid()));
      }
    }
    for (ListeningPort l : net.listeningPorts()) {
      if (Addresses.isHostAddress(l.addr())) {
        hostIps.add(l.addr());
      }
      listen(l.protocol(), l.addr(), l.port(), owner(l.pid()));
    }
    for (Connection c : net.connections()) {
      if (!isListening(c)) {
        connected(c);
      }
    }
  }

  private void connected(Connection c) {
    String owner = owner(c.pid());
    String protocol = Addresses.protocol(c.protocol());
    AgentGraph.Socket socket =
        new AgentGraph.Socket(
            owner, protocol, c.localAddr(), c.localPort(), c.remoteAddr(), c.remotePort());
    if (listeningPorts.contains(new PortKey(protocol, c.localPort()))) {
      acceptedSockets.add(socket);
    } else {
      clientSockets.add(socket);
      flowCounts.merge(
          new FlowKey(owner, protocol, c.remoteAddr(), c.remotePort()), 1, Integer::sum);
    }
  }

  /** LISTEN sockets and unconnected UDP (remote 0.0.0.0:0) are listeners, not edges. */
  private static boolean isListening(Connection c) {
    if ("LISTEN".equalsIgnoreCase(c.state())) {
      return true;
    }
    return c.remotePort() == 0 && Addresses.isWildcard(c.remoteAddr());
  }

  private void listen(String protocol, String addr, int port, String owner) {
    String proto = Addresses.protocol(protocol);
    String address = addr == null ? "" : addr;
    listeningPorts.add(new PortKey(proto, port));
    Set<Socket> mine = listeningByOwner.computeIfAbsent(owner, k -> new LinkedHashSet<>());
    if (mine.add(new Socket(proto, address, port))) {
      listeners.add(new AgentGraph.Listener(proto, address, port, owner));
    }
  }

  private Map<String, List<Map<String, Object>>> listeningMetadata() {
    Map<String, List<Map<String, Object>>> out = new HashMap<>();
    listeningByOwner.forEach(
        (owner, sockets) -> {
          List<Map<String, Object>> list = new ArrayList<>(sockets.size());
          for (Socket s : sockets) {
            list.add(Map.of("protocol", s.protocol, "addr", s.addr, "port", s.port));
          }
          out.put(owner, List.copyOf(list));
        });
    return out;
  }

  /** The process node when the pid is known and reported, else the host. */
  private String owner(int pid) {
    if (pid <= 0) {
      return agentId;
    }
    String id = processIds.get(pid);
    if (id == null && processIds.containsKey(pid)) {
      id = agentId + "-" + pid;
      processIds.put(pid, id);
    }
    return id == null ? agentId : id;
  }

  private record FlowKey(String owner, String protocol, String addr, int port) {}

  private record Socket(String protocol, String addr, int port) {}

  private record PortKey(String protocol, int port) {}
}
