package io.orchestrator.core.series;

import io.orchestrator.core.report.Report;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TimeSeriesStore} on the heap: per agent, primitive ring buffers sized to the retention
 * window (see {@code MetricGroup}). Memory is about 8 bytes per point plus one byte per bucket per
 * entity; {@link #stats()} reports the estimate.
 *
 * <p>Retention is enforced by {@link #expire()} (call it periodically) and on every read. The
 * number of series per agent is capped ({@code maxSeriesPerAgent}) so process churn cannot grow
 * memory without bound.
 *
 * <p>Thread-safe; agents are independent (one lock each), there is no global lock.
 */
public final class InMemoryTimeSeriesStore implements TimeSeriesStore {
  private static final long BUCKET_MILLIS = RESOLUTION.toMillis();

  private final Clock clock;
  private final Duration maxAge;
  private final int maxSeriesPerAgent;
  private final int ringCapacity;
  private final ConcurrentHashMap<String, AgentSeries> agents = new ConcurrentHashMap<>();

  /**
   * Creates a store.
   *
   * @param clock the server clock; buckets and retention are read from it
   * @param maxAge the retention window, at least one bucket
   * @param maxSeriesPerAgent the cap on series per agent, at least 16
   */
  public InMemoryTimeSeriesStore(Clock clock, Duration maxAge, int maxSeriesPerAgent) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.compareTo(RESOLUTION) < 0) {
      throw new IllegalArgumentException("maxAge must be at least " + RESOLUTION + ": " + maxAge);
    }
    if (maxSeriesPerAgent < 16) {
      throw new IllegalArgumentException(
          "maxSeriesPerAgent must be at least 16: " + maxSeriesPerAgent);
    }
    this.maxSeriesPerAgent = maxSeriesPerAgent;
    long buckets = maxAge.toMillis() / BUCKET_MILLIS + 2;
    this.ringCapacity = Integer.highestOneBit((int) Math.min(buckets, 1 << 29) - 1) << 1;
  }

  @Override
  public void record(Instant receivedAt, Report report) {
    long bucket = Math.floorDiv(receivedAt.toEpochMilli(), BUCKET_MILLIS);
    long cutoff = cutoff();
    while (true) {
      AgentSeries a =
          agents.computeIfAbsent(
              report.agentId(), k -> new AgentSeries(maxSeriesPerAgent, ringCapacity));
      if (a.record(bucket, cutoff, report)) {
        return;
      }
      agents.remove(report.agentId(), a);
    }
  }

  @Override
  public Optional<List<SeriesPoint>> query(String agentId, SeriesQuery query) {
    AgentSeries a = agents.get(agentId);
    if (a == null) {
      return Optional.empty();
    }
    long now = clock.millis();
    long from = Math.floorDiv(now - query.duration().toMillis(), BUCKET_MILLIS);
    SortedMap<Long, Map<String, Double>> buckets = new TreeMap<>();
    a.collect(from, cutoff(), query::selects, buckets);
    List<SeriesPoint> points = new ArrayList<>(buckets.size());
    buckets.forEach(
        (b, metrics) ->
            points.add(new SeriesPoint(Instant.ofEpochMilli(b * BUCKET_MILLIS), metrics)));
    return Optional.of(points);
  }

  @Override
  public int expire() {
    long cutoff = cutoff();
    int[] dropped = {0};
    for (String id : agents.keySet()) {
      agents.computeIfPresent(
          id,
          (k, a) -> {
            if (a.trim(cutoff)) {
              dropped[0]++;
              return null;
            }
            return a;
          });
    }
    return dropped[0];
  }

  @Override
  public void remove(String agentId) {
    agents.remove(agentId);
  }

  @Override
  public void clear() {
    agents.clear();
  }

  @Override
  public SeriesStats stats() {
    long cutoff = cutoff();
    SeriesStats.Accumulator acc = new SeriesStats.Accumulator();
    agents.values().forEach(a -> a.addStats(cutoff, acc));
    return new SeriesStats(
        acc.agents, acc.series, acc.points, acc.bytes, acc.evicted, maxAge, RESOLUTION);
  }

  /** The oldest bucket still inside the retention window. */
  private long cutoff() {
    return Math.floorDiv(clock.millis() - maxAge.toMillis(), BUCKET_MILLIS);
  }
}
