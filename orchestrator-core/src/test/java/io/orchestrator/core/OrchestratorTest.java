package io.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.agent.Registration;
import io.orchestrator.core.hub.Event;
import io.orchestrator.core.hub.EventFilter;
import io.orchestrator.core.hub.EventType;
import io.orchestrator.core.hub.HubEvent;
import io.orchestrator.core.series.SeriesQuery;
import io.orchestrator.core.storage.StoreFullException;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import io.orchestrator.core.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrchestratorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MutableClock clock = MutableClock.atBucketStart();
  private final Orchestrator orchestrator =
      Orchestrator.builder()
          .clock(clock)
          .staleThreshold(Duration.ofMinutes(5))
          .maxDataAge(Duration.ofHours(1))
          .pushInterval(Duration.ofMillis(20))
          .build();

  @AfterEach
  void close() {
    orchestrator.close();
  }

  @Test
  void firstReportRegistersItsAgentAndBecomesTheLatest() {
    IngestResult first = orchestrator.ingest(Reports.agent("a").host(1, 2).build());
    assertThat(first.newAgent()).isTrue();
    assertThat(first.receivedAt()).isEqualTo(clock.instant());
    assertThat(orchestrator.ingest(Reports.agent("a").host(3, 4).build()).newAgent()).isFalse();
    Agent a = orchestrator.agent("a").orElseThrow();
    assertThat(a.hostname()).isEqualTo("a.example");
    assertThat(a.status()).isEqualTo(AgentStatus.ACTIVE);
    ReceivedReport latest = orchestrator.latestReport("a").orElseThrow();
    assertThat(latest.report().hostInfo().cpuInfo().usage()).isEqualTo(3.0);
    assertThat(orchestrator.latestReport("ghost")).isEmpty();
  }

  @Test
  void registrationAndHeartbeat() {
    assertThat(orchestrator.register(new Registration("a", "h", Map.of()))).isTrue();
    assertThat(orchestrator.register(new Registration("a", "h", Map.of()))).isFalse();
    assertThat(orchestrator.heartbeat("a")).isTrue();
    assertThat(orchestrator.heartbeat("ghost")).isFalse();
    assertThat(orchestrator.agents()).extracting(Agent::agentId).containsExactly("a");
  }

  @Test
  void staleAgentLosesItsTopologyAtCleanupButKeepsItsSeries() {
    orchestrator.ingest(Reports.agent("a").host(1, 1).process(1, "p", null).build());
    orchestrator.ingest(Reports.agent("b").host(1, 1).build());
    clock.advance(Duration.ofMinutes(4));
    orchestrator.heartbeat("b");
    clock.advance(Duration.ofMinutes(2));
    orchestrator.cleanup();
    Topology t = orchestrator.topology();
    assertThat(t.nodes()).containsOnlyKeys("b");
    assertThat(orchestrator.agent("a").orElseThrow().status()).isEqualTo(AgentStatus.STALE);
    assertThat(
            orchestrator
                .series()
                .query("a", SeriesQuery.hostMetrics(Duration.ofHours(1)))
                .orElseThrow())
        .hasSize(1);
    OrchestratorStats stats = orchestrator.stats();
    assertThat(stats.agentsStale()).isEqualTo(1);
    assertThat(stats.agentsActive()).isEqualTo(1);
  }

  @Test
  void agentSilentPastRetentionIsForgottenWithItsLatestReport() {
    orchestrator.ingest(Reports.agent("a").host(1, 1).build());
    clock.advance(Duration.ofHours(25));
    orchestrator.cleanup();
    assertThat(orchestrator.agents()).isEmpty();
    assertThat(orchestrator.latestReport("a")).isEmpty();
    assertThat(orchestrator.topology().nodes()).isEmpty();
    assertThat(orchestrator.stats().storage().agents()).isZero();
  }

  @Test
  void topologyUpdatesAreCoalescedAndBuiltOnceForAllSubscribers() {
    List<Event> first = new CopyOnWriteArrayList<>();
    List<Event> second = new CopyOnWriteArrayList<>();
    EventFilter topo = new EventFilter(Set.of(EventType.TOPOLOGY_UPDATE), null);
    orchestrator.hub().subscribe(topo, first::add);
    orchestrator.hub().subscribe(topo, second::add);
    long last = 0;
    for (int i = 0; i < 500; i++) {
      last =
          orchestrator.ingest(Reports.agent("a" + (i % 50)).host(i, 1).build()).topologyVersion();
    }
    long finalVersion = last;
    await()
        .atMost(WAIT)
        .until(
            () ->
                !second.isEmpty()
                    && ((HubEvent.TopologyChanged) second.get(second.size() - 1).payload())
                            .topology()
                            .version()
                        >= finalVersion);
    await().atMost(WAIT).until(() -> first.size() >= second.size());
    assertThat(first.size()).isLessThan(500);
    assertThat(first.get(0).payload()).isSameAs(second.get(0).payload());
    assertThat(
            ((HubEvent.TopologyChanged) second.get(second.size() - 1).payload()).topology().nodes())
        .hasSize(50);
  }

  @Test
  void everyAcceptedReportIsPublishedToInterestedSubscribers() {
    List<Event> events = new CopyOnWriteArrayList<>();
    orchestrator
        .hub()
        .subscribe(new EventFilter(Set.of(EventType.REPORT_UPDATE), Set.of("b")), events::add);
    orchestrator.ingest(Reports.agent("a").build());
    orchestrator.ingest(Reports.agent("b").build());
    orchestrator.ingest(Reports.agent("b").build());
    await().atMost(WAIT).until(() -> events.size() == 2);
    assertThat(events).allMatch(e -> "b".equals(e.agentId()));
  }

  @Test
  void newAgentsAreAnnounced() {
    List<Event> events = new CopyOnWriteArrayList<>();
    orchestrator
        .hub()
        .subscribe(new EventFilter(Set.of(EventType.AGENT_REGISTERED), null), events::add);
    orchestrator.register(new Registration("a", "h", null));
    orchestrator.ingest(Reports.agent("b").build());
    orchestrator.ingest(Reports.agent("b").build());
    await().atMost(WAIT).until(() -> events.size() == 2);
    assertThat(events).extracting(Event::agentId).containsExactly("a", "b");
  }

  @Test
  void statsCoverEveryPart() {
    orchestrator.ingest(
        Reports.agent("a").host(1, 1).container(Reports.containerId("c"), "c", 1).build());
    orchestrator.recordRejectedReport();
    clock.advance(Duration.ofSeconds(90));
    OrchestratorStats s = orchestrator.stats();
    assertThat(s.agents()).isEqualTo(1);
    assertThat(s.reportsTotal()).isEqualTo(1);
    assertThat(s.reportsRejected()).isEqualTo(1);
    assertThat(s.topology().totalNodes()).isEqualTo(2);
    assertThat(s.storage().series()).isGreaterThan(8);
    assertThat(s.uptime()).isEqualTo(Duration.ofSeconds(90));
    assertThat(s.hub().subscribers()).isZero();
  }

  @Test
  void agentCapRefusesNewAgentsAndStoresNothingForThem() {
    try (Orchestrator small = Orchestrator.builder().clock(clock).maxAgents(2).build()) {
      small.ingest(Reports.agent("a").build());
      small.ingest(Reports.agent("b").build());
      assertThatThrownBy(() -> small.ingest(Reports.agent("c").build()))
          .isInstanceOf(StoreFullException.class);
      small.ingest(Reports.agent("a").build());
      assertThat(small.latestReport("c")).isEmpty();
      assertThat(small.topology().nodes()).containsOnlyKeys("a", "b");
    }
  }

  @Test
  void clearForgetsEverything() {
    orchestrator.ingest(Reports.agent("a").host(1, 1).build());
    orchestrator.recordRejectedReport();
    orchestrator.clear();
    assertThat(orchestrator.stats().reportsTotal()).isZero();
    assertThat(orchestrator.stats().reportsRejected()).isZero();
    assertThat(orchestrator.agents()).isEmpty();
    assertThat(orchestrator.latestReport("a")).isEmpty();
    assertThat(orchestrator.topology().nodes()).isEmpty();
    assertThat(orchestrator.stats().storage().agents()).isZero();
  }

  @Test
  void closeStopsEveryBackgroundThread() {
    orchestrator.close();
    orchestrator.close();
    await()
        .atMost(WAIT)
        .until(
            () ->
                Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.isAlive() && t.getName().startsWith("orchestrator-")));
  }

  @Test
  void builderRejectsNonPositiveSettings() {
    assertThatThrownBy(() -> Orchestrator.builder().maxDataAge(Duration.ZERO))
        .hasMessage("maxDataAge must be positive: PT0S");
    assertThatThrownBy(() -> Orchestrator.builder().cleanupInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Orchestrator.builder().maxAgents(0))
        .hasMessage("maxAgents must be positive: 0");
  }
}
