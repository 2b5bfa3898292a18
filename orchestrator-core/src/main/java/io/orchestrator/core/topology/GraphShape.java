package io.orchestrator.core.topology;

import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.HostInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.Report;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fingerprint of an agent's sub-graph without its measurements: which nodes there are with their
 * descriptive fields (names, parents, images, container states, command lines, labels, listening
 * ports) and which flows run where. A process's scheduler state and a container's status text ("Up
 * 5 minutes") change with nearly every report, like measurements, and are left out. Two reports
 * with the same shape differ only in numbers the time series keep, so history stores a report only
 * when the shape changes. Order-insensitive: each item is hashed alone and the hashes are summed.
 * Stateless and thread-safe.
 */
final class GraphShape {
  private GraphShape() {}

  static long of(
      Report report,
      List<String> processParents,
      List<AgentGraph.Flow> flows,
      List<AgentGraph.Listener> listeners,
      List<AgentGraph.Socket> accepted) {
    long shape = mix(hash("host", report.effectiveHostname(), host(report.hostInfo())));
    if (report.dockerInfo() != null) {
      for (Container c : report.dockerInfo().containers()) {
        shape += mix(hash("c", c.id(), c.name(), c.image(), c.state(), c.created(), labels(c)));
      }
    }
    if (report.processesInfo() != null) {
      List<ProcessInfo> processes = report.processesInfo().processes();
      for (int i = 0; i < processes.size(); i++) {
        ProcessInfo p = processes.get(i);
        shape += mix(hash("p", p.pid(), p.ppid(), p.name(), p.cmdline(), processParents.get(i)));
      }
    }
    for (AgentGraph.Flow f : flows) {
      shape += mix(hash("f", f.source(), f.protocol(), f.remoteAddr(), f.remotePort()));
    }
    for (AgentGraph.Socket s : accepted) {
      // The client's ephemeral port changes with every connection; where it comes from does not.
      shape += mix(hash("a", s.owner(), s.protocol(), s.localPort(), s.remoteAddr()));
    }
    for (AgentGraph.Listener l : listeners) {
      shape += mix(hash("l", l.owner(), l.protocol(), l.addr(), l.port()));
    }
    return shape;
  }

  private static Object host(HostInfo h) {
    if (h == null) {
      return null;
    }
    return h.cpuInfo() == null
        ? h.kernelVersion()
        : h.kernelVersion() + "|" + h.cpuInfo().model() + "|" + h.cpuInfo().cores();
  }

  private static Object labels(Container c) {
    Map<String, String> labels = c.labels();
    return labels == null ? null : labels.hashCode();
  }

  private static long hash(Object... parts) {
    long h = 1125899906842597L;
    for (Object part : parts) {
      h = 31 * h + Objects.hashCode(part);
    }
    return h;
  }

  /** A 64-bit finaliser (SplitMix64), so summed item hashes do not cancel out by accident. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
