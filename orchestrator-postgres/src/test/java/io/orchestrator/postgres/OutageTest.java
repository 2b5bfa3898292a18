package io.orchestrator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.series.Metrics;
import io.orchestrator.core.storage.ReportRecord;
import io.orchestrator.core.storage.Storage;
import io.orchestrator.core.storage.StorageSettings;
import io.orchestrator.core.storage.StorageUnavailableException;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §10 on a PostgreSQL the test stops and starts: 503s while down, recovery without restart.
 */
class OutageTest {
  private static final String PASSWORD = "s3cret-pg";
  private static PrivatePostgres pg;

  private final MutableClock clock = MutableClock.atBucketStart();
  private final StorageSettings settings =
      new StorageSettings(
          clock, Duration.ofHours(1), Duration.ofMinutes(5), 2_048, TestCodec.INSTANCE);

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = PrivatePostgres.start(PASSWORD);
  }

  @AfterAll
  static void stopPostgres() {
    pg.close();
  }

  private Storage open(String password) {
    return PostgresStorage.factory(
            PostgresConfig.builder(pg.url()).user("postgres").password(password).build())
        .open(settings);
  }

  private ReceivedReport accept(Storage storage, String agent) {
    Report report = Reports.agent(agent).host(1, 2).process(7, "p", null).build();
    Instant now = clock.instant();
    ReceivedReport r = new ReceivedReport(report, now, TestCodec.INSTANCE.encode(report));
    Agent a = new Agent(agent, agent, Map.of(), now, now, now, AgentStatus.ACTIVE);
    storage.accept(new ReportRecord(a, r, Metrics.of(report), true)).toCompletableFuture().join();
    return r;
  }

  @Test
  void writesAreRefusedWhileTheDatabaseIsDownAndTakenAgainWhenItIsBack() throws Exception {
    Set<String> acknowledged = new HashSet<>();
    try (Storage storage = open(PASSWORD)) {
      storage.clear();
      for (int i = 0; i < 20; i++) {
        accept(storage, "before-" + i);
        acknowledged.add("before-" + i);
      }
      pg.stopServer();
      assertThatThrownBy(() -> accept(storage, "during"))
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(StorageUnavailableException.class);
      await().atMost(Duration.ofSeconds(10)).until(() -> !storage.check().up());
      assertThat(storage.check().detail()).isNotBlank().doesNotContain(PASSWORD);
      assertThat(storage.reports().latest()).containsKeys("before-0", "before-19");

      pg.startServer();
      await().atMost(Duration.ofSeconds(20)).until(() -> storage.check().up());
      clock.advance(Duration.ofSeconds(15));
      accept(storage, "after");
      acknowledged.add("after");
    }
    try (Storage reopened = open(PASSWORD)) {
      assertThat(reopened.reports().latest().keySet()).containsAll(acknowledged);
    }
  }

  @Test
  void wrongCredentialsAndAnUnreachableServerAreClearMessages() throws Exception {
    assertThatThrownBy(() -> open("wrong"))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("password authentication failed")
        .hasMessageNotContaining("wrong");
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    PostgresConfig nowhere =
        PostgresConfig.builder("jdbc:postgresql://127.0.0.1:" + closed + "/x").build();
    assertThatThrownBy(() -> PostgresStorage.factory(nowhere).open(settings))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:" + closed)
        .hasMessageContaining("refused");
  }
}
