package io.orchestrator.core.series;

import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.ContainerStats;
import io.orchestrator.core.report.CpuInfo;
import io.orchestrator.core.report.HostInfo;
import io.orchestrator.core.report.LoadAverage;
import io.orchestrator.core.report.MemoryInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a report into the samples of DESIGN §4.4: the one step between a report and any time-series
 * store, in memory or durable, so every backend records the same metrics. Stateless and
 * thread-safe.
 */
public final class Metrics {
  private Metrics() {}

  /** Every sample in {@code report}; a repeated container id or pid counts once (the first). */
  public static List<MetricSample> of(Report report) {
    int processCount =
        report.processesInfo() == null ? 0 : report.processesInfo().processes().size();
    int containers = report.dockerInfo() == null ? 0 : report.dockerInfo().containers().size();
    List<MetricSample> out = new ArrayList<>(8 + processCount + containers);
    HostInfo h = report.hostInfo();
    if (h != null) {
      host(h, out);
    }
    if (report.dockerInfo() != null) {
      out.add(host(MetricFamily.HOST_CONTAINERS, report.dockerInfo().runningContainers()));
      Set<String> seen = new HashSet<>();
      for (Container c : report.dockerInfo().containers()) {
        ContainerStats s = c.stats();
        if (s != null && seen.add(c.id())) {
          out.add(
              new MetricSample(
                  MetricFamily.CONTAINER,
                  c.id(),
                  new double[] {
                    s.cpuPercent(),
                    s.memoryUsageMb(),
                    s.memoryPercent(),
                    s.networkRxMb(),
                    s.networkTxMb()
                  }));
        }
      }
    }
    if (report.processesInfo() != null) {
      out.add(host(MetricFamily.HOST_PROCESSES, report.processesInfo().totalProcesses()));
      List<ProcessInfo> processes = report.processesInfo().processes();
      boolean[] repeated = repeatedPids(processes);
      for (int i = 0; i < processes.size(); i++) {
        ProcessInfo p = processes.get(i);
        if (repeated == null || !repeated[i]) {
          out.add(
              new MetricSample(
                  MetricFamily.PROCESS,
                  PidStrings.of(p.pid()),
                  new double[] {p.memoryMb(), p.threads(), p.openFiles()}));
        }
      }
    }
    if (report.networkInfo() != null) {
      out.add(host(MetricFamily.HOST_CONNECTIONS, report.networkInfo().totalConnections()));
    }
    return out;
  }

  /**
   * Which entries repeat an earlier pid, or null when none does (the common case, found by sorting
   * the pids rather than boxing each into a set).
   */
  private static boolean[] repeatedPids(List<ProcessInfo> processes) {
    int[] pids = new int[processes.size()];
    for (int i = 0; i < pids.length; i++) {
      pids[i] = processes.get(i).pid();
    }
    Arrays.sort(pids);
    boolean any = false;
    for (int i = 1; i < pids.length && !any; i++) {
      any = pids[i] == pids[i - 1];
    }
    if (!any) {
      return null;
    }
    boolean[] repeated = new boolean[processes.size()];
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < repeated.length; i++) {
      repeated[i] = !seen.add(processes.get(i).pid());
    }
    return repeated;
  }

  private static void host(HostInfo h, List<MetricSample> out) {
    CpuInfo cpu = h.cpuInfo();
    if (cpu != null) {
      out.add(
          new MetricSample(MetricFamily.HOST_CPU, null, new double[] {cpu.usage(), cpu.cores()}));
    }
    MemoryInfo mem = h.memoryInfo();
    if (mem != null) {
      out.add(
          new MetricSample(
              MetricFamily.HOST_MEMORY,
              null,
              new double[] {mem.usage(), mem.usedMb(), mem.availableMb()}));
    }
    LoadAverage load = h.loadAverage();
    if (load != null) {
      out.add(
          new MetricSample(
              MetricFamily.HOST_LOAD,
              null,
              new double[] {load.load1(), load.load5(), load.load15()}));
    }
  }

  private static MetricSample host(MetricFamily family, double value) {
    return new MetricSample(family, null, new double[] {value});
  }
}
