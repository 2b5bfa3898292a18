package io.orchestrator.core.series;

import io.orchestrator.core.report.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per-agent, per-metric time series at {@link #RESOLUTION} resolution with a retention window.
 * Metric names are those of DESIGN §4.4 ({@code host.cpu.usage}, {@code
 * container.<id>.cpu_percent}, {@code process.<pid>.memory_mb}, ...); {@link Metrics#of} turns a
 * report into them.
 *
 * <p>Implementations must be thread-safe.
 */
public interface TimeSeriesStore {
  /** The bucket width. */
  Duration RESOLUTION = Duration.ofSeconds(15);

  /** Records {@code samples} of {@code agentId} in the bucket of {@code receivedAt}. */
  void record(Instant receivedAt, String agentId, List<MetricSample> samples);

  /** Records every metric of {@code report} in the bucket of {@code receivedAt}. */
  default void record(Instant receivedAt, Report report) {
    record(receivedAt, report.agentId(), Metrics.of(report));
  }

  /**
   * The agent's points, oldest first, at the query's {@linkplain SeriesQuery#step() step}; empty
   * when the store holds nothing for the agent.
   */
  Optional<List<SeriesPoint>> query(String agentId, SeriesQuery query);

  /** Drops expired points and agents left with none; returns how many agents were dropped. */
  int expire();

  /** Drops everything held for one agent. */
  void remove(String agentId);

  /** Drops everything. */
  void clear();

  /** Current figures, after dropping expired points. */
  SeriesStats stats();
}
