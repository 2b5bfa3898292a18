package io.orchestrator.core.series;

import java.time.Duration;

/**
 * What the time-series store holds. Immutable and thread-safe.
 *
 * @param agents agents with at least one retained point
 * @param series metric series
 * @param points retained points (one metric value in one bucket)
 * @param memoryBytes estimated heap used by the series
 * @param evictedSeries groups evicted or refused by the per-agent series cap, since start
 * @param maxAge the retention window
 * @param resolution the bucket width
 */
public record SeriesStats(
    int agents,
    long series,
    long points,
    long memoryBytes,
    long evictedSeries,
    Duration maxAge,
    Duration resolution) {

  /** Sums per-agent figures; not thread-safe, used under each agent's lock in turn. */
  static final class Accumulator {
    int agents;
    long series;
    long points;
    long bytes;
    long evicted;

    void add(long agentSeries, long agentPoints, long agentBytes, long agentEvicted) {
      if (agentSeries > 0) {
        agents++;
      }
      series += agentSeries;
      points += agentPoints;
      bytes += agentBytes;
      evicted += agentEvicted;
    }
  }
}
