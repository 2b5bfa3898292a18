package io.orchestrator.benchmarks.storage;

import io.orchestrator.core.report.Report;
import io.orchestrator.core.series.InMemoryTimeSeriesStore;
import io.orchestrator.core.series.SeriesStats;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Bytes per point in memory on probe-like values: {@code agents} agents shaped like the real Go
 * probe (97 processes, 302 series each) report every 15 s for one hour of server time (240 buckets,
 * the default window), values drifting as {@link ProbeLikeSamples} says. Prints the heap measured
 * after GC (store alive vs. before it) per point, and the store's own estimate.
 *
 * <p>Run from the repository root: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar
 * io.orchestrator.benchmarks.storage.SeriesMemoryProbeLike 1000}
 */
public final class SeriesMemoryProbeLike {
  private SeriesMemoryProbeLike() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Duration window = Duration.ofHours(1);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Report probe = ProbeLikeSamples.realProbe();
    ProbeLikeSamples[] hosts = new ProbeLikeSamples[agents];
    for (int a = 0; a < agents; a++) {
      hosts[a] = new ProbeLikeSamples(probe, a);
    }
    long before = usedHeapAfterGc();
    InMemoryTimeSeriesStore store =
        new InMemoryTimeSeriesStore(Clock.fixed(start.plus(window), ZoneOffset.UTC), window, 2048);
    int buckets = (int) (window.toSeconds() / 15);
    for (int b = 0; b < buckets; b++) {
      Instant at = start.plusSeconds(15L * b + 15);
      for (int a = 0; a < agents; a++) {
        store.record(at, "agent-" + a, hosts[a].next());
      }
    }
    long after = usedHeapAfterGc();
    SeriesStats s = store.stats();
    System.out.printf(
        Locale.ROOT,
        "agents=%d series=%d points=%d heap=%d MiB measured=%.2f B/point estimated=%.2f B/point%n",
        s.agents(),
        s.series(),
        s.points(),
        (after - before) >> 20,
        (double) (after - before) / s.points(),
        (double) s.memoryBytes() / s.points());
    if (store.stats().points() < 0) {
      throw new AssertionError(); // keeps the store reachable until measured
    }
  }

  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
