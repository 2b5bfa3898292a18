package io.orchestrator.core.topology;

import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.HostInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.Report;
import java.util.List;
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

  /**
   * The part of the fingerprint that the nodes make: the host, its containers and its processes
   * (each with its parent). Added to {@link #network} it makes the whole fingerprint.
   */
  static long nodes(Report report, List<String> processParents) {
    // Each item's hash is built field by field (no varargs array, no boxing): this runs on every
    // report, over every process and socket.
    long shape = mix(h(h(h(SEED, "host"), report.effectiveHostname()), host(report.hostInfo())));
    if (report.dockerInfo() != null) {
      for (Container c : report.dockerInfo().containers()) {
        long x = h(h(h(h(h(SEED, "c"), c.id()), c.name()), c.image()), c.state());
        shape += mix(h(h(x, c.created()), c.labels()));
      }
    }
    if (report.processesInfo() != null) {
      List<ProcessInfo> processes = report.processesInfo().processes();
      for (int i = 0; i < processes.size(); i++) {
        ProcessInfo p = processes.get(i);
        long x = h(h(h(h(SEED, "p"), p.pid()), p.ppid()), p.name());
        shape += mix(h(h(x, p.cmdline()), processParents.get(i)));
      }
    }
    return shape;
  }

  /** The part of the fingerprint that flows, server-side sockets and listeners make. */
  static long network(
      List<AgentGraph.Flow> flows,
      List<AgentGraph.Listener> listeners,
      List<AgentGraph.Socket> accepted) {
    long shape = 0;
    for (AgentGraph.Flow f : flows) {
      shape +=
          mix(h(h(h(h(h(SEED, "f"), f.source()), f.protocol()), f.remoteAddr()), f.remotePort()));
    }
    for (AgentGraph.Socket s : accepted) {
      // The client's ephemeral port changes with every connection; where it comes from does not.
      shape +=
          mix(h(h(h(h(h(SEED, "a"), s.owner()), s.protocol()), s.localPort()), s.remoteAddr()));
    }
    for (AgentGraph.Listener l : listeners) {
      shape += mix(h(h(h(h(h(SEED, "l"), l.owner()), l.protocol()), l.addr()), l.port()));
    }
    return shape;
  }

  private static final long SEED = 1125899906842597L;

  private static String host(HostInfo h) {
    if (h == null) {
      return null;
    }
    return h.cpuInfo() == null
        ? h.kernelVersion()
        : h.kernelVersion() + "|" + h.cpuInfo().model() + "|" + h.cpuInfo().cores();
  }

  private static long h(long acc, Object part) {
    return 31 * acc + Objects.hashCode(part);
  }

  private static long h(long acc, int part) {
    return 31 * acc + part;
  }

  /** A 64-bit finaliser (SplitMix64), so summed item hashes do not cancel out by accident. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
