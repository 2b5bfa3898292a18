package io.orchestrator.server.metrics;

import io.orchestrator.core.OrchestratorStats;
import java.util.function.Supplier;

/**
 * The engine's figures, computed at most once a second: every metric of one scrape reads the same
 * snapshot, and computing it walks the whole topology. Thread-safe.
 */
final class StatsCache {
  private static final long MAX_AGE_NANOS = 1_000_000_000L;

  private final Supplier<OrchestratorStats> source;
  private OrchestratorStats cached; // guarded by this
  private long takenAt;

  StatsCache(Supplier<OrchestratorStats> source) {
    this.source = source;
  }

  synchronized OrchestratorStats get() {
    long now = System.nanoTime();
    if (cached == null || now - takenAt > MAX_AGE_NANOS) {
      cached = source.get();
      takenAt = now;
    }
    return cached;
  }
}
