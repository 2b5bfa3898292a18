package io.orchestrator.core.series;

import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.ContainerStats;
import io.orchestrator.core.report.CpuInfo;
import io.orchestrator.core.report.HostInfo;
import io.orchestrator.core.report.LoadAverage;
import io.orchestrator.core.report.MemoryInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.Report;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * All series of one agent. The number of series is capped: when a new container or process would
 * pass the cap, the group whose newest sample is oldest is evicted (a process that exited); if none
 * is older than the newcomer, the newcomer is dropped. Either way it is counted.
 *
 * <p>Thread-safe: every method is synchronized on this agent, so agents never contend.
 */
final class AgentSeries {
  private final Map<Schema, MetricGroup> host = new EnumMap<>(Schema.class);
  private final Map<String, MetricGroup> containers = new HashMap<>();
  private final Map<Integer, MetricGroup> processes = new HashMap<>();
  private final double[] scratch = new double[5];
  private final int maxSeries;
  private final int maxCapacity;
  private int series;
  private long evicted;
  private boolean removed;

  AgentSeries(int maxSeries, int maxCapacity) {
    this.maxSeries = maxSeries;
    this.maxCapacity = maxCapacity;
  }

  /**
   * Records every metric of {@code report} in {@code bucket}.
   *
   * @return false when this agent was removed concurrently and the caller must retry
   */
  synchronized boolean record(long bucket, long cutoff, Report report) {
    if (removed) {
      return false;
    }
    HostInfo h = report.hostInfo();
    if (h != null) {
      recordHost(h, bucket, cutoff);
    }
    if (report.dockerInfo() != null) {
      scratch[0] = report.dockerInfo().runningContainers();
      hostGroup(Schema.HOST_CONTAINERS).add(bucket, scratch, cutoff);
      for (Container c : report.dockerInfo().containers()) {
        recordContainer(c, bucket, cutoff);
      }
    }
    if (report.processesInfo() != null) {
      scratch[0] = report.processesInfo().totalProcesses();
      hostGroup(Schema.HOST_PROCESSES).add(bucket, scratch, cutoff);
      for (ProcessInfo p : report.processesInfo().processes()) {
        recordProcess(p, bucket, cutoff);
      }
    }
    if (report.networkInfo() != null) {
      scratch[0] = report.networkInfo().totalConnections();
      hostGroup(Schema.HOST_CONNECTIONS).add(bucket, scratch, cutoff);
    }
    return true;
  }

  private void recordHost(HostInfo h, long bucket, long cutoff) {
    CpuInfo cpu = h.cpuInfo();
    if (cpu != null) {
      scratch[0] = cpu.usage();
      scratch[1] = cpu.cores();
      hostGroup(Schema.HOST_CPU).add(bucket, scratch, cutoff);
    }
    MemoryInfo mem = h.memoryInfo();
    if (mem != null) {
      scratch[0] = mem.usage();
      scratch[1] = mem.usedMb();
      scratch[2] = mem.availableMb();
      hostGroup(Schema.HOST_MEMORY).add(bucket, scratch, cutoff);
    }
    LoadAverage load = h.loadAverage();
    if (load != null) {
      scratch[0] = load.load1();
      scratch[1] = load.load5();
      scratch[2] = load.load15();
      hostGroup(Schema.HOST_LOAD).add(bucket, scratch, cutoff);
    }
  }

  private void recordContainer(Container c, long bucket, long cutoff) {
    ContainerStats s = c.stats();
    if (s == null) {
      return;
    }
    MetricGroup g = containers.get(c.id());
    if (g == null && (g = admit(Schema.CONTAINER, c.id(), bucket)) != null) {
      containers.put(c.id(), g);
    }
    if (g != null) {
      scratch[0] = s.cpuPercent();
      scratch[1] = s.memoryUsageMb();
      scratch[2] = s.memoryPercent();
      scratch[3] = s.networkRxMb();
      scratch[4] = s.networkTxMb();
      g.add(bucket, scratch, cutoff);
    }
  }

  private void recordProcess(ProcessInfo p, long bucket, long cutoff) {
    MetricGroup g = processes.get(p.pid());
    if (g == null && (g = admit(Schema.PROCESS, Integer.toString(p.pid()), bucket)) != null) {
      processes.put(p.pid(), g);
    }
    if (g != null) {
      scratch[0] = p.memoryMb();
      scratch[1] = p.threads();
      scratch[2] = p.openFiles();
      g.add(bucket, scratch, cutoff);
    }
  }

  private MetricGroup hostGroup(Schema schema) {
    MetricGroup g = host.get(schema);
    if (g == null) {
      g = new MetricGroup(schema, null, maxCapacity);
      host.put(schema, g);
      series += schema.width();
    }
    return g;
  }

  /** A new group for an entity, evicting the stalest one if the cap requires; null if full. */
  private MetricGroup admit(Schema schema, String entity, long bucket) {
    while (series + schema.width() > maxSeries) {
      if (!evictOlderThan(bucket)) {
        evicted++;
        return null;
      }
    }
    series += schema.width();
    return new MetricGroup(schema, entity, maxCapacity);
  }

  private boolean evictOlderThan(long bucket) {
    Map<?, MetricGroup> victimMap = null;
    Object victimKey = null;
    long oldest = bucket;
    for (Map<?, MetricGroup> m : List.<Map<?, MetricGroup>>of(containers, processes)) {
      for (Map.Entry<?, MetricGroup> e : m.entrySet()) {
        MetricGroup g = e.getValue();
        if (g.isEmpty() || g.newestBucket() < oldest) {
          oldest = g.isEmpty() ? Long.MIN_VALUE : g.newestBucket();
          victimMap = m;
          victimKey = e.getKey();
        }
      }
    }
    if (victimMap == null) {
      return false;
    }
    series -= victimMap.remove(victimKey).schema().width();
    evicted++;
    return true;
  }

  /** Adds the selected metrics at buckets {@code >= from}, after dropping what is too old. */
  synchronized void collect(
      long from, long cutoff, Predicate<String> select, SortedMap<Long, Map<String, Double>> out) {
    trim(cutoff);
    host.values().forEach(g -> g.collect(from, select, out));
    containers.values().forEach(g -> g.collect(from, select, out));
    processes.values().forEach(g -> g.collect(from, select, out));
  }

  /**
   * Drops buckets older than {@code cutoff} and groups left empty. When nothing is left the agent
   * is marked removed, so a concurrent writer retries on a fresh instance.
   *
   * @return true when the agent holds nothing any more
   */
  synchronized boolean trim(long cutoff) {
    trimAll(host, cutoff);
    trimAll(containers, cutoff);
    trimAll(processes, cutoff);
    removed = series == 0;
    return removed;
  }

  private void trimAll(Map<?, MetricGroup> groups, long cutoff) {
    for (Iterator<MetricGroup> it = groups.values().iterator(); it.hasNext(); ) {
      MetricGroup g = it.next();
      if (g.trim(cutoff)) {
        series -= g.schema().width();
        it.remove();
      }
    }
  }

  /** Adds this agent's figures to {@code acc} after trimming to {@code cutoff}. */
  synchronized void addStats(long cutoff, SeriesStats.Accumulator acc) {
    trim(cutoff);
    long points = 0;
    long bytes = 128;
    for (MetricGroup g : host.values()) {
      points += g.points();
      bytes += g.memoryBytes();
    }
    for (MetricGroup g : containers.values()) {
      points += g.points();
      bytes += g.memoryBytes() + 48;
    }
    for (MetricGroup g : processes.values()) {
      points += g.points();
      bytes += g.memoryBytes() + 64;
    }
    acc.add(series, points, bytes, evicted);
  }
}
