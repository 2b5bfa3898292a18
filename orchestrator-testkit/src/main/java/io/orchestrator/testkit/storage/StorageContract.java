package io.orchestrator.testkit.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.access.ApiKey;
import io.orchestrator.core.access.Role;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.core.alert.RuleKind;
import io.orchestrator.core.alert.Severity;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.series.SeriesPoint;
import io.orchestrator.core.series.SeriesQuery;
import io.orchestrator.core.storage.OutsideHistoryException;
import io.orchestrator.core.storage.Storage;
import io.orchestrator.core.storage.StorageSettings;
import io.orchestrator.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Storage} must do for the engine, in the manner of Zipkin's {@code ITStorage}:
 * subclass it, return a fresh storage from {@link #open}, and run it. Each test starts from a
 * cleared storage and a clock at a bucket start that it moves by hand.
 *
 * <pre>{@code
 * class MyStorageTest extends StorageContract {
 *   @Override protected Storage open(StorageSettings settings) { return new MyStorage(settings); }
 * }
 * }</pre>
 *
 * <p>Not thread-safe; JUnit runs one test at a time per instance.
 */
public abstract class StorageContract {
  /** The clock every storage of the suite is opened with. */
  protected final TestClock clock = TestClock.atBucketStart();

  /** Reports and records on that clock. */
  final StorageFixtures fixtures = new StorageFixtures(clock);

  /** The storage under test. */
  protected Storage storage;

  /** Opens the storage under test with {@code settings} (the suite clears it before each test). */
  protected abstract Storage open(StorageSettings settings);

  /** The settings the suite opens storages with: one hour of history, stale after 5 minutes. */
  protected StorageSettings settings() {
    return fixtures.settings();
  }

  @BeforeEach
  void openStorage() {
    storage = open(settings());
    storage.clear();
  }

  @AfterEach
  void closeStorage() {
    storage.close();
  }

  /** Writes a report of {@code agentId} received now and waits until the storage has it. */
  protected ReceivedReport accept(String agentId, int processes, boolean shapeChanged) {
    return fixtures.accept(storage, fixtures.report(agentId, processes), shapeChanged);
  }

  @Test
  void anAcceptedReportIsTheLatestExactlyAsReceived() {
    ReceivedReport sent = accept("a", 5, true);
    ReceivedReport latest = storage.reports().latest("a").orElseThrow();
    assertEquals(sent.body(), latest.body());
    assertEquals(sent.report(), latest.report());
    assertEquals(sent.receivedAt(), latest.receivedAt());
    assertEquals(Set.of("a"), storage.reports().latest().keySet());
  }

  @Test
  void aNewerReportReplacesTheLatestAndAgentsAreListed() {
    accept("a", 5, true);
    accept("b", 5, true);
    clock.advance(Duration.ofSeconds(15));
    ReceivedReport newer = accept("a", 5, false);
    assertEquals(newer.receivedAt(), storage.reports().latest("a").orElseThrow().receivedAt());
    assertEquals(Set.of("a", "b"), storage.reports().latest().keySet());
    assertEquals(List.of("a", "b"), storage.agents().stream().map(Agent::agentId).toList());
  }

  @Test
  void aRegistrationIsListedWithItsMetadata() {
    Agent agent = StorageFixtures.agent("reg", clock.instant());
    storage.register(agent).toCompletableFuture().join();
    Agent listed = storage.agents().get(0);
    assertEquals("reg", listed.agentId());
    assertEquals("reg.example", listed.hostname());
    assertEquals(agent.metadata(), listed.metadata());
    assertEquals(agent.registeredAt(), listed.registeredAt());
  }

  @Test
  void forgettingAnAgentDropsItsRegistrationAndLatest() {
    accept("a", 5, true);
    accept("b", 5, true);
    storage.forget("a");
    assertTrue(storage.reports().latest("a").isEmpty());
    assertEquals(List.of("b"), storage.agents().stream().map(Agent::agentId).toList());
  }

  @Test
  void samplesAreQueryableInFifteenSecondBuckets() {
    for (int i = 0; i < 4; i++) {
      accept("a", 3, i == 0);
      clock.advance(Duration.ofSeconds(15));
    }
    List<SeriesPoint> points =
        storage
            .series()
            .query("a", new SeriesQuery(Duration.ofMinutes(5), Set.of(), true))
            .orElseThrow();
    assertEquals(4, points.size());
    assertEquals(Instant.parse("2026-01-01T00:00:15Z"), points.get(1).timestamp());
    assertTrue(points.get(0).metrics().containsKey("host.cpu.usage"));
    assertTrue(points.get(0).metrics().keySet().stream().anyMatch(m -> m.startsWith("process.")));
    assertTrue(
        storage.series().query("nobody", SeriesQuery.hostMetrics(Duration.ofHours(1))).isEmpty());
  }

  @Test
  void historyAnswersWithTheReportThatStoodAtAnInstant() {
    Instant t0 = clock.instant();
    ReceivedReport first = accept("a", 3, true);
    clock.advance(Duration.ofSeconds(30));
    accept("a", 3, false);
    clock.advance(Duration.ofMinutes(2));
    ReceivedReport changed = accept("a", 4, true);
    assertEquals(first.body(), storage.reports().at("a", t0.plusSeconds(10)).orElseThrow().body());
    assertEquals(
        first.receivedAt(),
        storage.reports().at("a", t0.plusSeconds(90)).orElseThrow().receivedAt());
    assertEquals(changed.body(), storage.reports().at("a", clock.instant()).orElseThrow().body());
    assertEquals(
        changed.report(), storage.reports().at("a", clock.instant()).orElseThrow().report());
    assertTrue(storage.reports().at("nobody", t0).isEmpty());
  }

  @Test
  void agentsSilentPastTheStaleThresholdAreNotActive() {
    Instant t0 = clock.instant();
    accept("gone", 3, true);
    accept("here", 3, true);
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofMinutes(3));
      accept("here", 3, false);
    }
    assertEquals(Set.of("gone", "here"), storage.reports().activeAt(t0.plusSeconds(60)).keySet());
    assertEquals(Set.of("here"), storage.reports().activeAt(clock.instant()).keySet());
    assertEquals(t0, storage.reports().activeAt(t0.plusSeconds(60)).get("gone").receivedAt());
  }

  @Test
  void instantsOutsideHistoryAreRefusedNamingTheOldest() {
    accept("a", 3, true);
    Instant now = clock.instant();
    OutsideHistoryException old =
        assertThrows(
            OutsideHistoryException.class,
            () -> storage.reports().at("a", storage.reports().historyStart().minusSeconds(60)));
    assertTrue(
        old.getMessage().contains(storage.reports().historyStart().toString()), old.getMessage());
    assertThrows(
        OutsideHistoryException.class,
        () -> storage.reports().activeAt(now.plus(Duration.ofHours(1))));
  }

  @Test
  void clearForgetsEverything() {
    accept("a", 3, true);
    storage.clear();
    assertTrue(storage.reports().latest().isEmpty());
    assertTrue(storage.agents().isEmpty());
    assertTrue(storage.series().query("a", SeriesQuery.hostMetrics(Duration.ofHours(1))).isEmpty());
    assertTrue(storage.reports().activeAt(clock.instant()).isEmpty());
  }

  @Test
  void apiKeysAreFoundByTheirHashListedAndRevoked() {
    ApiKey probe = new ApiKey("k1", "probe of a", Role.PROBE, "a", "hash-1", clock.instant(), null);
    ApiKey viewer =
        new ApiKey("k2", "dashboard", Role.VIEWER, null, "hash-2", clock.instant(), null);
    storage.apiKeys().create(probe);
    storage.apiKeys().create(viewer);
    assertEquals(probe, storage.apiKeys().bySecretHash("hash-1").orElseThrow());
    assertTrue(storage.apiKeys().bySecretHash("hash-3").isEmpty());
    assertEquals(List.of("k1", "k2"), storage.apiKeys().list().stream().map(ApiKey::id).toList());
    assertTrue(storage.apiKeys().delete("k1"));
    assertFalse(storage.apiKeys().delete("k1"));
    assertTrue(storage.apiKeys().bySecretHash("hash-1").isEmpty());
    assertEquals(List.of("k2"), storage.apiKeys().list().stream().map(ApiKey::id).toList());
  }

  @Test
  void alertRulesAreAddedReplacedListedByNameAndDeleted() {
    AlertRule cpu =
        AlertRule.builder("HostCpu")
            .query("type:host cpu > 90")
            .forDuration(Duration.ofMinutes(2))
            .severity(Severity.CRITICAL)
            .labels(Map.of("team", "ops"))
            .annotations(Map.of("summary", "{{ $labels.node_id }} is hot\nat {{ $value }}"))
            .build();
    AlertRule stale = AlertRule.builder("Silent").kind(RuleKind.AGENT_STALE).build();
    assertTrue(storage.alertRules().put(cpu));
    assertTrue(storage.alertRules().put(stale));
    assertEquals(cpu, storage.alertRules().get("HostCpu").orElseThrow());
    assertEquals(
        List.of("HostCpu", "Silent"),
        storage.alertRules().list().stream().map(AlertRule::name).toList());
    AlertRule cooler = AlertRule.builder("HostCpu").query("type:host cpu > 95").build();
    assertFalse(storage.alertRules().put(cooler));
    assertEquals(cooler, storage.alertRules().get("HostCpu").orElseThrow());
    assertTrue(storage.alertRules().delete("HostCpu"));
    assertFalse(storage.alertRules().delete("HostCpu"));
    assertEquals(List.of(stale), storage.alertRules().list());
  }

  @Test
  void anOpenStorageIsUp() {
    assertTrue(storage.check().up(), storage.check().detail());
  }

  @Test
  void concurrentWritesAllCompleteAndAreVisible() throws Exception {
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    Report r = fixtures.report("c-" + thread + "-" + i, 2);
                    fixtures.accept(storage, r, true);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * perThread, storage.reports().latest().size());
    assertFalse(
        storage
            .series()
            .query("c-3-7", SeriesQuery.hostMetrics(Duration.ofHours(1)))
            .orElseThrow()
            .isEmpty());
  }
}
