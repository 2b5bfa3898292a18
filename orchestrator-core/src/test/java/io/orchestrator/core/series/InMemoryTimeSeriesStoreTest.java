package io.orchestrator.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.orchestrator.core.report.Report;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryTimeSeriesStoreTest {
  private static final Duration HOUR = Duration.ofHours(1);

  private final MutableClock clock = MutableClock.atBucketStart();
  private final InMemoryTimeSeriesStore store = new InMemoryTimeSeriesStore(clock, HOUR, 64);

  private void record(Report r) {
    store.record(clock.instant(), r);
  }

  private List<SeriesPoint> host(String agent) {
    return store.query(agent, SeriesQuery.hostMetrics(HOUR)).orElseThrow();
  }

  @Test
  void samplesInOneBucketAreAveraged() {
    record(Reports.agent("a").host(10, 50).build());
    clock.advance(Duration.ofSeconds(5));
    record(Reports.agent("a").host(20, 60).build());
    clock.advance(Duration.ofSeconds(9));
    record(Reports.agent("a").host(60, 70).build());
    List<SeriesPoint> points = host("a");
    assertThat(points).hasSize(1);
    assertThat(points.get(0).timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(points.get(0).metrics().get("host.cpu.usage")).isCloseTo(30.0, within(1e-9));
    assertThat(points.get(0).metrics().get("host.memory.usage")).isCloseTo(60.0, within(1e-9));
  }

  @Test
  void eachBucketIsOnePointOldestFirst() {
    for (int i = 0; i < 4; i++) {
      record(Reports.agent("a").host(i, 1).build());
      clock.advance(Duration.ofSeconds(15));
    }
    List<SeriesPoint> points = host("a");
    assertThat(points)
        .extracting(p -> p.metrics().get("host.cpu.usage"))
        .containsExactly(0.0, 1.0, 2.0, 3.0);
    assertThat(points.get(1).timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:15Z"));
  }

  @Test
  void everyHostMetricIsExtracted() {
    record(
        Reports.agent("a")
            .host(12.5, 40)
            .container("c1", "web", 1)
            .process(7, "p", null)
            .connect(7, "10.0.0.1", "10.0.0.2", 80)
            .build());
    assertThat(host("a").get(0).metrics())
        .containsOnlyKeys(
            "host.cpu.usage",
            "host.cpu.cores",
            "host.memory.usage",
            "host.memory.used_mb",
            "host.memory.available_mb",
            "host.load.1",
            "host.load.5",
            "host.load.15",
            "host.containers.running",
            "host.processes.total",
            "host.connections.total");
  }

  @Test
  void scopeAllAddsContainerAndProcessMetrics() {
    record(
        Reports.agent("a").host(1, 1).container("c1", "web", 3.5).process(42, "p", null).build());
    SeriesPoint all = store.query("a", new SeriesQuery(HOUR, Set.of(), true)).orElseThrow().get(0);
    assertThat(all.metrics())
        .containsEntry("container.c1.cpu_percent", 3.5)
        .containsKeys(
            "container.c1.memory_usage_mb",
            "container.c1.memory_percent",
            "container.c1.network_rx_mb",
            "container.c1.network_tx_mb",
            "process.42.memory_mb",
            "process.42.threads",
            "process.42.open_files",
            "host.cpu.usage");
  }

  @Test
  void namedMetricsSelectExactly() {
    record(Reports.agent("a").host(1, 2).process(42, "p", null).build());
    SeriesQuery q = new SeriesQuery(HOUR, Set.of("host.cpu.usage", "process.42.threads"), false);
    assertThat(store.query("a", q).orElseThrow().get(0).metrics())
        .containsOnlyKeys("host.cpu.usage", "process.42.threads");
  }

  @Test
  void durationLimitsHowFarBack() {
    for (int i = 0; i < 8; i++) {
      record(Reports.agent("a").host(i, 1).build());
      clock.advance(Duration.ofSeconds(15));
    }
    assertThat(store.query("a", SeriesQuery.hostMetrics(Duration.ofSeconds(45))).orElseThrow())
        .extracting(p -> p.metrics().get("host.cpu.usage"))
        .containsExactly(5.0, 6.0, 7.0);
  }

  @Test
  void pointsOlderThanMaxAgeAreNotReturnedEvenBeforeCleanup() {
    record(Reports.agent("a").host(1, 1).build());
    clock.advance(Duration.ofMinutes(30));
    record(Reports.agent("a").host(2, 1).build());
    clock.advance(Duration.ofMinutes(31));
    assertThat(host("a")).extracting(p -> p.metrics().get("host.cpu.usage")).containsExactly(2.0);
  }

  @Test
  void agentWhoseEveryPointExpiredIsRemoved() {
    record(Reports.agent("a").host(1, 1).build());
    record(Reports.agent("b").host(1, 1).build());
    clock.advance(Duration.ofMinutes(50));
    record(Reports.agent("b").host(1, 1).build());
    clock.advance(Duration.ofMinutes(11));
    assertThat(store.expire()).isEqualTo(1);
    assertThat(store.query("a", SeriesQuery.hostMetrics(HOUR))).isEmpty();
    assertThat(store.query("b", SeriesQuery.hostMetrics(HOUR))).isPresent();
    assertThat(store.stats().agents()).isEqualTo(1);
  }

  @Test
  void writerAfterExpiryStartsAFreshAgent() {
    record(Reports.agent("a").host(1, 1).build());
    clock.advance(Duration.ofHours(2));
    assertThat(store.stats().agents()).isZero();
    record(Reports.agent("a").host(9, 1).build());
    assertThat(host("a")).extracting(p -> p.metrics().get("host.cpu.usage")).containsExactly(9.0);
  }

  @Test
  void outOfOrderSamplesLandInTheirOwnBucket() {
    Instant t0 = clock.instant();
    clock.advance(Duration.ofMinutes(2));
    record(Reports.agent("a").host(50, 1).build());
    store.record(t0.plusSeconds(30), Reports.agent("a").host(10, 1).build());
    store.record(t0.plusSeconds(31), Reports.agent("a").host(20, 1).build());
    store.record(t0, Reports.agent("a").host(5, 1).build());
    assertThat(host("a"))
        .extracting(p -> p.metrics().get("host.cpu.usage"))
        .containsExactly(5.0, 15.0, 50.0);
  }

  @Test
  void samplesOlderThanTheWindowAreDropped() {
    record(Reports.agent("a").host(1, 1).build());
    store.record(
        clock.instant().minus(Duration.ofHours(2)), Reports.agent("a").host(99, 1).build());
    assertThat(host("a")).hasSize(1);
  }

  @Test
  void seriesCapEvictsTheStalestProcessAndCountsIt() {
    // cap 64: 9 host series + 3 per process; 18 processes fit (63 series).
    Reports first = Reports.agent("a").host(1, 1).processes();
    for (int pid = 1; pid <= 18; pid++) {
      first.process(pid, "p", null);
    }
    record(first.build());
    clock.advance(Duration.ofSeconds(15));
    record(Reports.agent("a").host(1, 1).process(100, "new", null).build());
    SeriesStats stats = store.stats();
    assertThat(stats.series()).isLessThanOrEqualTo(64);
    assertThat(stats.evictedSeries()).isEqualTo(1);
    SeriesPoint last = store.query("a", new SeriesQuery(HOUR, Set.of(), true)).orElseThrow().get(1);
    assertThat(last.metrics()).containsKey("process.100.threads");
  }

  @Test
  void newcomerIsRefusedWhenNothingIsOlder() {
    Reports r = Reports.agent("a").host(1, 1).processes();
    for (int pid = 1; pid <= 30; pid++) {
      r.process(pid, "p", null);
    }
    record(r.build());
    SeriesStats stats = store.stats();
    assertThat(stats.series()).isLessThanOrEqualTo(64);
    assertThat(stats.evictedSeries()).isEqualTo(12);
  }

  @Test
  void processChurnKeepsMemoryBounded() {
    for (int round = 0; round < 500; round++) {
      record(Reports.agent("a").host(1, 1).process(1000 + round, "short-lived", null).build());
      clock.advance(Duration.ofSeconds(15));
    }
    SeriesStats stats = store.stats();
    assertThat(stats.series()).isLessThanOrEqualTo(64);
    assertThat(stats.memoryBytes()).isLessThan(200_000);
  }

  @Test
  void statsCountPointsAndMemory() {
    for (int i = 0; i < 10; i++) {
      record(Reports.agent("a").host(i, 1).build());
      clock.advance(Duration.ofSeconds(15));
    }
    SeriesStats stats = store.stats();
    assertThat(stats.agents()).isEqualTo(1);
    assertThat(stats.series()).isEqualTo(8);
    assertThat(stats.points()).isEqualTo(80);
    assertThat(stats.memoryBytes()).isPositive();
    assertThat(stats.maxAge()).isEqualTo(HOUR);
    assertThat(stats.resolution()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void fullRetentionHoldsEveryBucketOfTheWindow() {
    for (int i = 0; i < 300; i++) {
      record(Reports.agent("a").host(i, 1).build());
      clock.advance(Duration.ofSeconds(15));
    }
    List<SeriesPoint> points = host("a");
    assertThat(points).hasSizeBetween(240, 241);
    assertThat(points.get(points.size() - 1).metrics().get("host.cpu.usage")).isEqualTo(299.0);
  }

  @Test
  void removeAndClearForgetAgents() {
    record(Reports.agent("a").host(1, 1).build());
    record(Reports.agent("b").host(1, 1).build());
    store.remove("a");
    assertThat(store.query("a", SeriesQuery.hostMetrics(HOUR))).isEmpty();
    store.clear();
    assertThat(store.stats().agents()).isZero();
  }

  @Test
  void invalidConfigurationIsRejected() {
    assertThatThrownBy(() -> new InMemoryTimeSeriesStore(clock, Duration.ofSeconds(1), 64))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InMemoryTimeSeriesStore(clock, HOUR, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SeriesQuery.hostMetrics(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
