package io.orchestrator.testkit.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.access.ApiKey;
import io.orchestrator.core.access.Role;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.core.alert.RuleKind;
import io.orchestrator.core.series.SeriesPoint;
import io.orchestrator.core.series.SeriesQuery;
import io.orchestrator.core.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link StorageContract} plus what a durable backend promises (DESIGN §10): everything whose write
 * completed is there again after the storage is closed and opened anew. Subclass it instead of
 * {@link StorageContract} for such a backend; {@link #open} must reach the same data every time.
 *
 * <p>Not thread-safe; JUnit runs one test at a time per instance.
 */
public abstract class DurableStorageContract extends StorageContract {

  @Test
  void everythingAcknowledgedIsThereAfterAReopen() {
    Instant t0 = clock.instant();
    Agent registered = StorageFixtures.agent("a", t0);
    storage.register(registered).toCompletableFuture().join();
    ReceivedReport first = accept("a", 3, true);
    ReceivedReport last = first;
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofSeconds(15));
      last = accept("a", 3, false);
    }
    clock.advance(Duration.ofMinutes(2));
    ReceivedReport changed = accept("a", 4, true);
    accept("b", 2, true);

    storage.close();
    storage = open(settings());

    Agent a =
        storage.agents().stream().filter(x -> x.agentId().equals("a")).findFirst().orElseThrow();
    assertEquals(registered.registeredAt(), a.registeredAt());
    assertEquals(registered.metadata(), a.metadata());
    assertEquals(changed.receivedAt(), a.lastReportAt());
    ReceivedReport latest = storage.reports().latest("a").orElseThrow();
    assertEquals(changed.body(), latest.body());
    assertEquals(changed.receivedAt(), latest.receivedAt());
    assertEquals(Set.of("a", "b"), storage.reports().latest().keySet());
    assertEquals(first.body(), storage.reports().at("a", last.receivedAt()).orElseThrow().body());
    List<SeriesPoint> points =
        storage
            .series()
            .query("a", new SeriesQuery(Duration.ofMinutes(10), Set.of(), true))
            .orElseThrow();
    assertEquals(8, points.size());
    assertTrue(points.get(7).metrics().containsKey("host.cpu.usage"));
    assertEquals(Set.of("a", "b"), storage.reports().activeAt(clock.instant()).keySet());
  }

  @Test
  void anotherReplicaReadsBackWhatThisOneStored() {
    Storage other = open(settings());
    try {
      ReceivedReport sent = accept("r", 3, true);
      clock.advance(Duration.ofSeconds(15));
      ReceivedReport newer = accept("r", 3, false);
      assertEquals(newer.body(), other.storedLatest().get("r").body());
      assertEquals(newer.receivedAt(), other.storedLatest().get("r").receivedAt());
      Agent r =
          other.storedAgents().stream()
              .filter(x -> x.agentId().equals("r"))
              .findFirst()
              .orElseThrow();
      assertEquals(newer.receivedAt(), r.lastReportAt());
      assertTrue(!sent.receivedAt().isAfter(r.lastSeen()));
    } finally {
      other.close();
    }
  }

  @Test
  void apiKeysAreThereAfterAReopen() {
    storage
        .apiKeys()
        .create(new ApiKey("k9", "ci", Role.ADMIN, null, "hash-9", clock.instant(), null));
    storage.close();
    storage = open(settings());
    assertEquals("ci", storage.apiKeys().bySecretHash("hash-9").orElseThrow().name());
  }

  @Test
  void alertRulesAreThereAfterAReopen() {
    AlertRule rule =
        AlertRule.builder("External")
            .kind(RuleKind.EDGE)
            .query("external:true")
            .forDuration(Duration.ofSeconds(30))
            .labels(Map.of("team", "net"))
            .build();
    storage.alertRules().put(rule);
    storage.close();
    storage = open(settings());
    assertEquals(rule, storage.alertRules().get("External").orElseThrow());
  }

  @Test
  void aReopenedStorageIsEmptyAfterClear() {
    accept("a", 3, true);
    storage.clear();
    storage.close();
    storage = open(settings());
    assertTrue(storage.agents().isEmpty());
    assertTrue(storage.reports().latest().isEmpty());
    assertTrue(storage.alertRules().list().isEmpty());
  }
}
