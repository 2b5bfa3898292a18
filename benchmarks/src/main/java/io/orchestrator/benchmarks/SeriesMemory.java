package io.orchestrator.benchmarks;

import io.orchestrator.core.report.Report;
import io.orchestrator.core.series.InMemoryTimeSeriesStore;
import io.orchestrator.core.series.SeriesStats;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;

/**
 * Time-series memory at full retention: {@code agents} agents each report every 15 s for one hour
 * of server time (240 buckets), with drifting values. Prints bytes per point as measured on the
 * heap (after GC, store alive vs. dropped) and as the store estimates it.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar
 * io.orchestrator.benchmarks.SeriesMemory 1000}
 */
public final class SeriesMemory {
  private SeriesMemory() {}

  public static void main(String[] args) {
    int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Duration retention = Duration.ofHours(1);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    long before = usedHeapAfterGc();
    InMemoryTimeSeriesStore store =
        new InMemoryTimeSeriesStore(
            Clock.fixed(start.plus(retention), ZoneOffset.UTC), retention, 2048);
    Random rnd = new Random(1);
    Report[] reports = RealisticReports.fleet(agents, rnd);
    int buckets = (int) (retention.toSeconds() / 15);
    for (int b = 0; b < buckets; b++) {
      Instant at = start.plusSeconds(15L * b + 15);
      for (int a = 0; a < agents; a++) {
        // fresh values every bucket, as a live fleet would send
        if (b % 20 == 0) {
          reports[a] = RealisticReports.report(a, agents, rnd);
        }
        store.record(at, reports[a]);
      }
    }
    long after = usedHeapAfterGc();
    SeriesStats s = store.stats();
    double measured = (double) (after - before) / s.points();
    double estimated = (double) s.memoryBytes() / s.points();
    System.out.printf(
        Locale.ROOT,
        "agents=%d series=%d points=%d heap=%d MiB measured=%.2f B/point estimated=%.2f B/point%n",
        s.agents(),
        s.series(),
        s.points(),
        (after - before) >> 20,
        measured,
        estimated);
    // keep the store reachable until measured
    if (store.stats().points() < 0) {
      throw new AssertionError();
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
