package io.orchestrator.core.series;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Which points to return: those of the last {@code duration}, restricted to the named metrics when
 * any are named, else to every metric when {@code allScopes}, else to {@code host.*}. Immutable and
 * thread-safe.
 *
 * @param duration how far back from now, positive
 * @param metrics exact metric names to return; empty for the scope default
 * @param allScopes with no names given, return container and process metrics too
 */
public record SeriesQuery(Duration duration, Set<String> metrics, boolean allScopes) {

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

  boolean selects(String metric) {
    if (!metrics.isEmpty()) {
      return metrics.contains(metric);
    }
    return allScopes || metric.startsWith("host.");
  }
}
