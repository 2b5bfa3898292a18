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
    List<MetricSample> out = new ArrayList<>();
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
      Set<Integer> seen = new HashSet<>();
      for (ProcessInfo p : report.processesInfo().processes()) {
        if (seen.add(p.pid())) {
          out.add(
              new MetricSample(
                  MetricFamily.PROCESS,
                  Integer.toString(p.pid()),
                  new double[] {p.memoryMb(), p.threads(), p.openFiles()}));
        }
      }
    }
    if (report.networkInfo() != null) {
      out.add(host(MetricFamily.HOST_CONNECTIONS, report.networkInfo().totalConnections()));
    }
    return out;
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
