package io.orchestrator.core.series;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which points to return: those of the last {@code duration}, restricted to the named metrics when
 * any are named, else to every metric when {@code allScopes}, else to {@code host.*}. Immutable and
 * thread-safe.
 *
 * <p>The answer's step is {@link #step()}: 15 s (one bucket) up to 6 h, coarser beyond, so that no
 * answer holds more than {@value #MAX_STEPS} points.
 *
 * @param duration how far back from now, positive
 * @param metrics exact metric names to return; empty for the scope default
 * @param allScopes with no names given, return container and process metrics too
 */
public record SeriesQuery(Duration duration, Set<String> metrics, boolean allScopes) {
  /** The most points an answer holds; longer ranges use a coarser step. */
  public static final int MAX_STEPS = 1_440;

  private static final List<Duration> STEPS =
      List.of(
          TimeSeriesStore.RESOLUTION,
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(6),
          Duration.ofDays(1));

  /** Validates and copies. */
  public SeriesQuery {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive: " + duration);
    }
    metrics = metrics == null ? Set.of() : Set.copyOf(metrics);
  }

  /** The host metrics of the last {@code duration}. */
  public static SeriesQuery hostMetrics(Duration duration) {
    return new SeriesQuery(duration, Set.of(), false);
  }

  /** True when {@code metric} is one this query asks for. */
  public boolean selects(String metric) {
    if (!metrics.isEmpty()) {
      return metrics.contains(metric);
    }
    return allScopes || metric.startsWith("host.");
  }

  /** The step of the answer: the finest that keeps it within {@value #MAX_STEPS} points. */
  public Duration step() {
    for (Duration step : STEPS) {
      if (duration.toMillis() / step.toMillis() <= MAX_STEPS) {
        return step;
      }
    }
    return STEPS.get(STEPS.size() - 1);
  }

  /** The first bucket the answer covers when asked at {@code now}. */
  public long firstBucket(Instant now) {
    return Math.floorDiv(
        now.toEpochMilli() - duration.toMillis(), TimeSeriesStore.RESOLUTION.toMillis());
  }

  /**
   * Shapes collected buckets into the answer: one point per bucket at 15 s, or per step the mean of
   * each metric over the buckets in it that have the metric. Every backend shapes its answer here.
   *
   * @param buckets bucket number to metric values, for the selected metrics only
   */
  public List<SeriesPoint> points(SortedMap<Long, Map<String, Double>> buckets) {
    long bucketMillis = TimeSeriesStore.RESOLUTION.toMillis();
    long stepBuckets = step().toMillis() / bucketMillis;
    List<SeriesPoint> points = new ArrayList<>();
    if (stepBuckets == 1) {
      buckets.forEach(
          (b, m) -> points.add(new SeriesPoint(Instant.ofEpochMilli(b * bucketMillis), m)));
      return points;
    }
    SortedMap<Long, Map<String, double[]>> steps = new TreeMap<>();
    buckets.forEach(
        (b, m) -> {
          Map<String, double[]> sums =
              steps.computeIfAbsent(Math.floorDiv(b, stepBuckets), k -> new TreeMap<>());
          m.forEach(
              (name, v) -> {
                double[] sum = sums.computeIfAbsent(name, k -> new double[2]);
                sum[0] += v;
                sum[1]++;
              });
        });
    steps.forEach(
        (s, sums) -> {
          Map<String, Double> means = new TreeMap<>();
          sums.forEach((name, sum) -> means.put(name, sum[0] / sum[1]));
          points.add(new SeriesPoint(Instant.ofEpochMilli(s * stepBuckets * bucketMillis), means));
        });
    return points;
  }
}
