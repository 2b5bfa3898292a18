package io.orchestrator.core.series;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A {@link TimeSeriesStore} on the heap: per agent and entity, the newest bucket as numbers and
 * every older one in {@link SeriesBlock}s (see {@code MetricGroup}), so a point costs a few bits
 * while a metric holds steady; {@link #stats()} reports the estimate.
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
  private final int blockBuckets;
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
    // Whole blocks expire, so memory holds the window plus one block: a quarter of the window,
    // between 2 and 30 minutes.
    long windowBuckets = maxAge.toMillis() / BUCKET_MILLIS;
    this.blockBuckets = (int) Math.max(8, Math.min(120, windowBuckets / 4));
  }

  @Override
  public void record(Instant receivedAt, String agentId, List<MetricSample> samples) {
    long bucket = Math.floorDiv(receivedAt.toEpochMilli(), BUCKET_MILLIS);
    long cutoff = cutoff();
    while (true) {
      AgentSeries a =
          agents.computeIfAbsent(agentId, k -> new AgentSeries(maxSeriesPerAgent, blockBuckets));
      if (a.record(bucket, cutoff, samples)) {
        return;
      }
      agents.remove(agentId, a);
    }
  }

  @Override
  public Optional<List<SeriesPoint>> query(String agentId, SeriesQuery query) {
    SortedMap<Long, Map<String, Double>> buckets = new TreeMap<>();
    if (!collect(agentId, query.firstBucket(clock.instant()), query::selects, buckets)) {
      return Optional.empty();
    }
    return Optional.of(query.points(buckets));
  }

  /**
   * Adds the agent's selected metrics at buckets {@code >= fromBucket} (within the window) to
   * {@code out}, for stores that combine this one with another (a database's older points).
   *
   * @return false when the store holds nothing for the agent
   */
  public boolean collect(
      String agentId,
      long fromBucket,
      Predicate<String> select,
      SortedMap<Long, Map<String, Double>> out) {
    AgentSeries a = agents.get(agentId);
    if (a == null) {
      return false;
    }
    a.collect(fromBucket, cutoff(), select, out);
    return true;
  }

  /** The oldest bucket still inside the window. */
  public long firstBucketKept() {
    return cutoff();
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
