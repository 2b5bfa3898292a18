package io.orchestrator.core.topology;

import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.NetworkInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.Report;
import java.util.List;
import java.util.Objects;

/**
 * Whether two reports of an agent give the same inputs to {@link AgentGraphBuilder}: the same pids
 * and cgroups in the same order (process parents), the same container ids (what cgroups match) and
 * equal sockets (listeners, flows, host addresses). A host's consecutive reports mostly do: its
 * measurements change, its processes and connections far less often, and the engine's report
 * sharing makes unchanged sockets the very same instances, so the comparison is a pass of identity
 * checks. Stateless and thread-safe.
 */
final class ReportStructure {
  private ReportStructure() {}

  /** Whether {@code a} and {@code b}, two reports of one agent, have the same structure. */
  static boolean same(Report a, Report b) {
    return sameProcesses(processes(a), processes(b))
        && sameContainerIds(containers(a), containers(b))
        && sameNetwork(a.networkInfo(), b.networkInfo());
  }

  private static boolean sameProcesses(List<ProcessInfo> a, List<ProcessInfo> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      ProcessInfo x = a.get(i);
      ProcessInfo y = b.get(i);
      if (x.pid() != y.pid() || !Objects.equals(x.cgroup(), y.cgroup())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameContainerIds(List<Container> a, List<Container> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).id().equals(b.get(i).id())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameNetwork(NetworkInfo a, NetworkInfo b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return sameElements(a.connections(), b.connections())
        && sameElements(a.listeningPorts(), b.listeningPorts());
  }

  /** Equal lists, element by element; Objects.equals tries identity first. */
  private static boolean sameElements(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Objects.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<ProcessInfo> processes(Report r) {
    return r.processesInfo() == null ? List.of() : r.processesInfo().processes();
  }

  private static List<Container> containers(Report r) {
    return r.dockerInfo() == null ? List.of() : r.dockerInfo().containers();
  }
}
