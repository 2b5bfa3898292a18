package io.orchestrator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.series.Metrics;
import io.orchestrator.core.series.SeriesPoint;
import io.orchestrator.core.series.SeriesQuery;
import io.orchestrator.core.storage.OutsideHistoryException;
import io.orchestrator.core.storage.ReportRecord;
import io.orchestrator.core.storage.StorageSettings;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compaction folds the log without changing any answer; retention drops what is too old. */
class FoldAndRetentionTest {
  private static LocalDatabase database;

  private final MutableClock clock = MutableClock.atBucketStart();
  private final StorageSettings settings =
      new StorageSettings(
          clock, Duration.ofHours(1), Duration.ofMinutes(5), 2_048, TestCodec.INSTANCE);
  private PostgresStorage storage;

  @BeforeAll
  static void createDatabase() {
    database = new LocalDatabase();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @BeforeEach
  void open() {
    storage = reopen();
    storage.clear();
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private PostgresStorage reopen() {
    return (PostgresStorage) PostgresStorage.factory(database.config()).open(settings);
  }

  private ReceivedReport accept(String agent, int processes, boolean changed) {
    Reports r = Reports.agent(agent).host((double) (clock.millis() % 97), 40);
    for (int p = 1; p <= processes; p++) {
      r.process(p, "p" + p, null);
    }
    Report report = r.build();
    Instant now = clock.instant();
    ReceivedReport received = new ReceivedReport(report, now, TestCodec.INSTANCE.encode(report));
    Agent a =
        new Agent(agent, agent + ".example", Map.of("k", "v"), now, now, now, AgentStatus.ACTIVE);
    storage
        .accept(new ReportRecord(a, received, Metrics.of(report), changed))
        .toCompletableFuture()
        .join();
    return received;
  }

  @Test
  void compactionFoldsTheLogWithoutChangingAnyAnswer() {
    Instant t0 = clock.instant();
    for (int i = 0; i < 80; i++) {
      accept("a", 3 + i / 20, i % 20 == 0);
      accept("b", 2, i == 0);
      clock.advance(Duration.ofSeconds(15));
    }
    SeriesQuery all = new SeriesQuery(Duration.ofMinutes(30), Set.of(), true);
    storage.close();
    storage = reopen();
    List<SeriesPoint> before = storage.series().query("a", all).orElseThrow();
    ReceivedReport keptBefore = storage.reports().at("a", t0.plusSeconds(400)).orElseThrow();

    assertThat(storage.compact()).isEqualTo(120); // the closed 15-minute period, two agents
    assertThat(database.count("report_log")).isEqualTo(40);
    assertThat(database.count("series_blocks")).isEqualTo(2);
    assertThat(database.count("report_history")).isEqualTo(4);

    assertThat(before).hasSize(80);
    assertThat(storage.series().query("a", all).orElseThrow()).isEqualTo(before);
    assertThat(storage.reports().at("a", t0.plusSeconds(400)).orElseThrow().body())
        .isEqualTo(keptBefore.body());
    assertThat(storage.reports().activeAt(clock.instant()).keySet()).containsOnly("a", "b");
    ReceivedReport latest = storage.reports().latest("a").orElseThrow();
    storage.close();
    storage = reopen();
    assertThat(storage.reports().latest("a").orElseThrow().body()).isEqualTo(latest.body());
    assertThat(storage.series().query("a", all).orElseThrow()).isEqualTo(before);
    assertThat(storage.compact()).isZero();
  }

  @Test
  void aLargeReportIsLoggedDeflatedAndReadBackAsReceivedBeforeAndAfterRestartAndCompaction() {
    ReceivedReport sent = accept("a", 300, true);
    int size = sent.body().size();
    assertThat(size).isGreaterThan(20_000);
    assertThat(database.number("SELECT max(octet_length(body)) FROM report_log"))
        .isLessThan(size / 4);
    assertThat(storage.reports().latest("a").orElseThrow().body()).isEqualTo(sent.body());

    storage.close();
    storage = reopen();
    assertThat(storage.reports().latest("a").orElseThrow().body()).isEqualTo(sent.body());
    clock.advance(Duration.ofMinutes(20)); // past the end of the report's 15-minute period
    storage.compact();
    assertThat(database.count("report_log")).isZero();
    assertThat(storage.reports().at("a", sent.receivedAt()).orElseThrow().body())
        .isEqualTo(sent.body());
    storage.close();
    storage = reopen();
    assertThat(storage.reports().latest("a").orElseThrow().body()).isEqualTo(sent.body());
  }

  @Test
  void retentionDropsWhatIsOlderButKeepsTheReportThatStoodAtTheCutoff() {
    accept("a", 2, true);
    clock.advance(Duration.ofMinutes(20));
    accept("a", 3, true);
    storage.compact();
    clock.advance(Duration.ofHours(2));
    accept("a", 3, false);
    storage.compact();
    storage.expire();
    Instant start = storage.reports().historyStart();
    assertThatThrownBy(() -> storage.reports().at("a", start.minusSeconds(1)))
        .isInstanceOf(OutsideHistoryException.class);
    assertThat(storage.reports().at("a", start.plusSeconds(1))).isPresent();
    // t0's report went (the one at t0+20m stood at the cutoff); the newest is still in the log.
    assertThat(database.count("report_history")).isEqualTo(1);
    assertThat(database.count("series_blocks")).isEqualTo(1);
  }

  @Test
  void registrationsAndForgettingAreDurable() {
    Instant now = clock.instant();
    storage
        .register(
            new Agent("r", "r.host", Map.of("env", "prod"), now, now, null, AgentStatus.ACTIVE))
        .toCompletableFuture()
        .join();
    accept("gone", 1, true);
    storage.forget("gone");
    storage.close();
    storage = reopen();
    assertThat(storage.agents()).extracting(Agent::agentId).containsExactly("r");
    assertThat(storage.agents().get(0).metadata()).containsEntry("env", "prod");
    assertThat(storage.reports().latest("gone")).isEmpty();
  }
}
