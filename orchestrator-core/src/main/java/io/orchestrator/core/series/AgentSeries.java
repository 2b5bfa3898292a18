package io.orchestrator.core.series;

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
  private final Map<MetricFamily, MetricGroup> host = new EnumMap<>(MetricFamily.class);
  private final Map<String, MetricGroup> containers = new HashMap<>();
  private final Map<String, MetricGroup> processes = new HashMap<>();
  private final int maxSeries;
  private final int blockBuckets;
  private int series;
  private long evicted;
  private boolean removed;

  AgentSeries(int maxSeries, int blockBuckets) {
    this.maxSeries = maxSeries;
    this.blockBuckets = blockBuckets;
  }

  /**
   * Records {@code samples} in {@code bucket}.
   *
   * @return false when this agent was removed concurrently and the caller must retry
   */
  synchronized boolean record(long bucket, long cutoff, List<MetricSample> samples) {
    if (removed) {
      return false;
    }
    for (MetricSample s : samples) {
      MetricGroup g =
          switch (s.family()) {
            case CONTAINER -> entityGroup(containers, s, bucket);
            case PROCESS -> entityGroup(processes, s, bucket);
            default -> hostGroup(s.family());
          };
      if (g != null) {
        g.add(bucket, s.values(), cutoff);
      }
    }
    return true;
  }

  private MetricGroup entityGroup(Map<String, MetricGroup> groups, MetricSample s, long bucket) {
    MetricGroup g = groups.get(s.entity());
    if (g == null && (g = admit(s.family(), s.entity(), bucket)) != null) {
      groups.put(s.entity(), g);
    }
    return g;
  }

  private MetricGroup hostGroup(MetricFamily family) {
    MetricGroup g = host.get(family);
    if (g == null) {
      g = new MetricGroup(family, null, blockBuckets);
      host.put(family, g);
      series += family.width();
    }
    return g;
  }

  /** A new group for an entity, evicting the stalest one if the cap requires; null if full. */
  private MetricGroup admit(MetricFamily family, String entity, long bucket) {
    while (series + family.width() > maxSeries) {
      if (!evictOlderThan(bucket)) {
        evicted++;
        return null;
      }
    }
    series += family.width();
    return new MetricGroup(family, entity, blockBuckets);
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
    series -= victimMap.remove(victimKey).family().width();
    evicted++;
    return true;
  }

  /** Adds the selected metrics at buckets {@code >= from}, after dropping what is too old. */
  synchronized void collect(
      long from, long cutoff, Predicate<String> select, SortedMap<Long, Map<String, Double>> out) {
    trim(cutoff);
    long lo = Math.max(from, cutoff); // a block may still hold a few expired buckets
    host.values().forEach(g -> g.collect(lo, select, out));
    containers.values().forEach(g -> g.collect(lo, select, out));
    processes.values().forEach(g -> g.collect(lo, select, out));
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
        series -= g.family().width();
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
