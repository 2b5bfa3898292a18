package io.orchestrator.core.topology;

import io.orchestrator.core.report.Connection;
import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.ListeningPort;
import io.orchestrator.core.report.NetworkInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds an {@link AgentGraph} from one report (DESIGN §4.3). Not thread-safe; one per report. */
final class AgentGraphBuilder {
  private final Report report;
  private final String agentId;
  private final Set<String> processIds = new HashSet<>();
  private final Map<String, Set<Socket>> listeningByOwner = new HashMap<>();
  private final List<AgentGraph.Listener> listeners = new ArrayList<>();
  private final Map<FlowKey, int[]> flowCounts = new LinkedHashMap<>();
  private final Set<String> hostIps = new LinkedHashSet<>();

  private AgentGraphBuilder(Report report) {
    this.report = report;
    this.agentId = report.agentId();
  }

  static AgentGraph build(Report report) {
    return new AgentGraphBuilder(report).build();
  }

  private AgentGraph build() {
    if (report.processesInfo() != null) {
      report.processesInfo().processes().forEach(p -> processIds.add(processId(p.pid())));
    }
    if (report.networkInfo() != null) {
      scanNetwork(report.networkInfo());
    }
    List<Node> nodes = new ArrayList<>();
    List<Edge> parentEdges = new ArrayList<>();
    nodes.add(NodeFactory.host(report, listening(agentId)));
    Map<String, String> containersByLowerId = new HashMap<>();
    if (report.dockerInfo() != null) {
      for (Container c : report.dockerInfo().containers()) {
        if (containersByLowerId.putIfAbsent(c.id().toLowerCase(Locale.ROOT), c.id()) == null) {
          nodes.add(NodeFactory.container(agentId, c));
          parentEdges.add(parentChild(agentId, c.id()));
        }
      }
    }
    if (report.processesInfo() != null) {
      Set<String> seen = new HashSet<>();
      for (ProcessInfo p : report.processesInfo().processes()) {
        String id = processId(p.pid());
        if (seen.add(id)) {
          String container =
              ContainerIds.match(ContainerIds.candidate(p.cgroup()), containersByLowerId);
          String parent = container != null ? container : agentId;
          nodes.add(NodeFactory.process(id, parent, p, listening(id)));
          parentEdges.add(parentChild(parent, id));
        }
      }
    }
    List<AgentGraph.Flow> flows = new ArrayList<>(flowCounts.size());
    flowCounts.forEach(
        (k, n) -> flows.add(new AgentGraph.Flow(k.owner, k.protocol, k.addr, k.port, n[0])));
    return new AgentGraph(agentId, nodes, parentEdges, flows, listeners, hostIps);
  }

  private void scanNetwork(NetworkInfo net) {
    for (Connection c : net.connections()) {
      if (Addresses.isHostAddress(c.localAddr())) {
        hostIps.add(c.localAddr());
      }
      String owner = owner(c.pid());
      if (isListening(c)) {
        listen(c.protocol(), c.localAddr(), c.localPort(), owner);
      } else {
        FlowKey key =
            new FlowKey(owner, Addresses.protocol(c.protocol()), c.remoteAddr(), c.remotePort());
        flowCounts.computeIfAbsent(key, k -> new int[1])[0]++;
      }
    }
    for (ListeningPort l : net.listeningPorts()) {
      if (Addresses.isHostAddress(l.addr())) {
        hostIps.add(l.addr());
      }
      listen(l.protocol(), l.addr(), l.port(), owner(l.pid()));
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
    Set<Socket> mine = listeningByOwner.computeIfAbsent(owner, k -> new LinkedHashSet<>());
    if (mine.add(new Socket(proto, address, port))) {
      listeners.add(new AgentGraph.Listener(proto, address, port, owner));
    }
  }

  private List<Map<String, Object>> listening(String owner) {
    Set<Socket> mine = listeningByOwner.get(owner);
    if (mine == null) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>(mine.size());
    for (Socket l : mine) {
      out.add(Map.of("protocol", l.protocol, "addr", l.addr, "port", l.port));
    }
    return out;
  }

  /** The process node when the pid is known and reported, else the host. */
  private String owner(int pid) {
    if (pid > 0) {
      String id = processId(pid);
      if (processIds.contains(id)) {
        return id;
      }
    }
    return agentId;
  }

  private String processId(int pid) {
    return agentId + "-" + pid;
  }

  private static Edge parentChild(String parent, String child) {
    return new Edge(parent, child, EdgeType.PARENT_CHILD, null, 0);
  }

  private record FlowKey(String owner, String protocol, String addr, int port) {}

  private record Socket(String protocol, String addr, int port) {}
}
