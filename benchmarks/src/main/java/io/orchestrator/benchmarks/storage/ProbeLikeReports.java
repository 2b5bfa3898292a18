package io.orchestrator.benchmarks.storage;

import io.orchestrator.core.report.CpuInfo;
import io.orchestrator.core.report.HostInfo;
import io.orchestrator.core.report.LoadAverage;
import io.orchestrator.core.report.MemoryInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.ProcessesInfo;
import io.orchestrator.core.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Successive reports of one agent shaped like the real Go probe's, cut to {@code processes}
 * processes, drifting as {@link ProbeLikeSamples} describes (and process CPU time growing), so that
 * what a storage derives from them is as compressible as a real host's. Not thread-safe.
 */
final class ProbeLikeReports {
  private final Random rnd;
  private final String agentId;
  private Report current;

  ProbeLikeReports(Report realProbe, String agentId, int processes, long seed) {
    this.rnd = new Random(seed);
    this.agentId = agentId;
    List<ProcessInfo> procs = realProbe.processesInfo().processes();
    this.current =
        new Report(
            agentId,
            agentId,
            realProbe.timestamp(),
            realProbe.hostInfo(),
            null,
            new ProcessesInfo(procs.subList(0, Math.min(processes, procs.size())), processes, null),
            realProbe.networkInfo());
  }

  Report next() {
    HostInfo h = current.hostInfo();
    CpuInfo cpu = h.cpuInfo();
    MemoryInfo m = h.memoryInfo();
    LoadAverage l = h.loadAverage();
    long used = Math.max(0, m.usedMb() + Math.round(rnd.nextGaussian() * 8));
    HostInfo host =
        new HostInfo(
            h.hostname(),
            h.kernelVersion(),
            h.uptime() + 15_000_000_000L,
            h.bootTime(),
            new CpuInfo(cpu.model(), cpu.cores(), clamp(cpu.usage() + rnd.nextGaussian() * 4)),
            new MemoryInfo(
                m.totalMb(),
                m.totalMb() - used,
                m.totalMb() - used,
                used,
                used * 100.0 / m.totalMb()),
            new LoadAverage(load(l.load1()), load(l.load5()), load(l.load15())),
            h.timestamp());
    List<ProcessInfo> procs = new ArrayList<>();
    for (ProcessInfo p : current.processesInfo().processes()) {
      procs.add(
          new ProcessInfo(
              p.pid(),
              p.name(),
              p.cmdline(),
              p.state(),
              p.ppid(),
              p.uid(),
              p.gid(),
              (int) step(p.threads(), 50, 1),
              p.cpuTime() + rnd.nextInt(3),
              step(p.memoryMb(), 10, 3),
              (int) step(p.openFiles(), 20, 2),
              p.cgroup()));
    }
    current =
        new Report(
            agentId,
            agentId,
            current.timestamp(),
            host,
            null,
            new ProcessesInfo(procs, procs.size(), null),
            current.networkInfo());
    return current;
  }

  private double step(double value, int oneIn, int by) {
    return rnd.nextInt(oneIn) == 0 ? Math.max(0, value + rnd.nextInt(2 * by + 1) - by) : value;
  }

  private double load(double v) {
    return Math.max(0, Math.round((v + rnd.nextGaussian() * 0.05) * 100) / 100.0);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(100, v));
  }
}
