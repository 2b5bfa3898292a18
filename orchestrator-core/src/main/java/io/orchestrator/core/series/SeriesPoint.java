package io.orchestrator.core.series;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One 15-second bucket of an agent's series. Immutable and thread-safe.
 *
 * @param timestamp the bucket's start (server clock)
 * @param metrics metric name to the mean of the samples in the bucket, sorted by name
 */
public record SeriesPoint(Instant timestamp, Map<String, Double> metrics) {

  /** Copies the metrics. */
  public SeriesPoint {
    Objects.requireNonNull(timestamp, "timestamp");
    metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
  }
}
