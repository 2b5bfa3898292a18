package io.orchestrator.core.storage;

import io.orchestrator.core.report.ReportCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the engine tells its storage. Immutable and thread-safe.
 *
 * @param clock the server clock
 * @param maxDataAge how long series points are kept in memory (and history, in memory)
 * @param staleThreshold silence after which an agent is stale (history leaves it out from then)
 * @param maxSeriesPerAgent the cap on series per agent
 * @param codec turns reports into wire bytes and back; null when the engine has none (then history
 *     keeps report objects, and durable backends cannot open)
 */
public record StorageSettings(
    Clock clock,
    Duration maxDataAge,
    Duration staleThreshold,
    int maxSeriesPerAgent,
    ReportCodec codec) {

  /** Validates. */
  public StorageSettings {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(maxDataAge, "maxDataAge");
    Objects.requireNonNull(staleThreshold, "staleThreshold");
    if (maxSeriesPerAgent <= 0) {
      throw new IllegalArgumentException("maxSeriesPerAgent must be positive");
    }
  }
}
