package io.orchestrator.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.agent.Registration;
import io.orchestrator.core.alert.Alert;
import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.core.alert.AlertStatus;
import io.orchestrator.core.alert.Evaluation;
import io.orchestrator.core.alert.RuleKind;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.testing.KeptReportCodec;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two engines joined by an in-process bus: what one accepts, the other serves (DESIGN §11). */
class ReplicationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final InMemoryClusterBus.Group group = InMemoryClusterBus.group();
  private final KeptReportCodec codec = new KeptReportCodec();
  private final List<Orchestrator> engines = new ArrayList<>();

  /** A membership that is told whether it leads. */
  private record FixedMembership(String nodeId, boolean leader) implements Membership {
    @Override
    public List<Member> members() {
      return List.of(new Member(nodeId, nodeId, Instant.EPOCH, leader));
    }

    @Override
    public void close() {}
  }

  private Orchestrator engine(String id, boolean leader, Clock clock) {
    Orchestrator o =
        Orchestrator.builder()
            .clock(clock)
            .reportCodec(codec)
            .alertInterval(Duration.ofMillis(50))
            .cluster(group.join(), new FixedMembership(id, leader))
            .build();
    engines.add(o);
    return o;
  }

  @AfterEach
  void close() {
    engines.forEach(Orchestrator::close);
  }

  @Test
  void aReplicaSharesWhatDidNotChangeWithTheAgentsPreviousReport() {
    Orchestrator a = engine("a", true, Clock.systemUTC());
    Orchestrator b = engine("b", false, Clock.systemUTC());
    a.ingest(Reports.agent("n1").process(7, "nginx", null).process(8, "worker", null).build());
    await().atMost(WAIT).until(() -> b.latestReport("n1").isPresent());
    ReceivedReport first = b.latestReport("n1").orElseThrow();
    a.ingest(Reports.agent("n1").process(7, "nginx", null).process(8, "worker-2", null).build());
    await()
        .atMost(WAIT)
        .until(() -> b.latestReport("n1").orElseThrow().receivedAt().isAfter(first.receivedAt()));

    List<ProcessInfo> was = first.report().processesInfo().processes();
    List<ProcessInfo> is = b.latestReport("n1").orElseThrow().report().processesInfo().processes();
    assertThat(is.get(0)).isSameAs(was.get(0));
    assertThat(is.get(1).name()).isEqualTo("worker-2");
    assertThat(b.latestReport("n1").orElseThrow().report())
        .isEqualTo(a.latestReport("n1").orElseThrow().report());
  }

  @Test
  void aReportAcceptedByOneReplicaIsServedByTheOther() {
    Orchestrator a = engine("a", true, Clock.systemUTC());
    Orchestrator b = engine("b", false, Clock.systemUTC());
    a.ingest(Reports.agent("n1").host(42, 10).process(7, "nginx", null).build());
    await().atMost(WAIT).until(() -> b.latestReport("n1").isPresent());
    assertThat(b.agents()).extracting(x -> x.agentId()).containsExactly("n1");
    assertThat(b.latestReport("n1").orElseThrow().receivedAt())
        .isEqualTo(a.latestReport("n1").orElseThrow().receivedAt());
    assertThat(b.topology().nodes().keySet())
        .containsExactlyInAnyOrderElementsOf(a.topology().nodes().keySet());
    assertThat(b.latestReport("n1").orElseThrow().wire()).isPresent();
    await().atMost(WAIT).until(() -> b.topology().contentTag() == a.topology().contentTag());
    assertThat(a.topology().contentTag()).as("a digest, not a default").isNotZero();
    assertThat(b.stats().reportsTotal()).as("counted where accepted").isZero();
  }

  @Test
  void registrationsAndHeartbeatsReachTheOtherReplica() {
    Orchestrator a = engine("a", true, Clock.systemUTC());
    Orchestrator b = engine("b", false, Clock.systemUTC());
    a.register(new Registration("n2", "host-2", Map.of("zone", "eu")));
    await().atMost(WAIT).until(() -> b.agent("n2").isPresent());
    assertThat(b.agent("n2").orElseThrow().metadata()).containsEntry("zone", "eu");
    Instant before = b.agent("n2").orElseThrow().lastSeen();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              a.heartbeat("n2");
              return b.agent("n2").orElseThrow().lastSeen().isAfter(before);
            });
  }

  @Test
  void replicasWhoseClocksDisagreeConvergeOnOneLatestReport() {
    MutableClock early = MutableClock.atBucketStart();
    MutableClock late = MutableClock.atBucketStart();
    late.advance(Duration.ofSeconds(30));
    Orchestrator a = engine("a", true, early);
    Orchestrator b = engine("b", false, late);
    b.ingest(Reports.agent("n3").host(90, 10).build());
    a.ingest(Reports.agent("n3").host(10, 10).build());
    await()
        .atMost(WAIT)
        .until(
            () ->
                a.latestReport("n3")
                    .map(ReceivedReport::receivedAt)
                    .equals(b.latestReport("n3").map(ReceivedReport::receivedAt)));
    assertThat(a.latestReport("n3").orElseThrow().receivedAt())
        .as("never older than the later replica's stamp")
        .isAfterOrEqualTo(late.instant());
  }

  @Test
  void onlyTheLeaderEvaluatesAndTheOthersShowItsAlerts() {
    Orchestrator a = engine("a", true, Clock.systemUTC());
    Orchestrator b = engine("b", false, Clock.systemUTC());
    AlertRule rule = AlertRule.builder("HotHost").query("type:host cpu > 50").build();
    a.alerting().rules().put(rule);
    b.alerting().rules().put(rule);
    a.ingest(Reports.agent("n4").host(95, 10).build());
    await().atMost(WAIT).until(() -> b.alerting().active().size() == 1);
    assertThat(b.alerting().active().get(0).state()).isEqualTo(AlertStatus.FIRING);
    assertThat(b.alerting().stats().evaluations()).as("the follower never evaluates").isZero();
    a.ingest(Reports.agent("n4").host(5, 10).build());
    await().atMost(WAIT).until(() -> b.alerting().active().isEmpty());
  }

  @Test
  void aReplicaThatTakesTheLeaseOverContinuesTheAlertsInsteadOfRaisingThemAgain() {
    Orchestrator a = engine("a", true, Clock.systemUTC());
    Orchestrator b = engine("b", false, Clock.systemUTC());
    AlertRule hot = AlertRule.builder("HotHost").query("type:host cpu > 50").build();
    AlertRule edge = AlertRule.builder("AnyFlow").kind(RuleKind.EDGE).query("protocol:tcp").build();
    for (Orchestrator o : List.of(a, b)) {
      o.alerting().rules().put(hot);
      o.alerting().rules().put(edge);
    }
    a.ingest(Reports.agent("n7").host(95, 10).connect(7, "10.0.0.7", "10.9.9.9", 443).build());
    await()
        .atMost(WAIT)
        .until(
            () ->
                b.alerting().active().size() == 2
                    && b.alerting().active().stream()
                        .allMatch(x -> x.state() == AlertStatus.FIRING));
    List<Alert> before = b.alerting().active();
    Evaluation first = b.alerting().evaluate(); // b now holds the lease
    assertThat(first.changes()).as("nothing new to announce").isEmpty();
    assertThat(b.alerting().active()).isEqualTo(before);
  }

  @Test
  void eachReplicaReportsItsNodeLeaseAndBus() {
    Orchestrator a = engine("a", true, Clock.systemUTC());
    Orchestrator b = engine("b", false, Clock.systemUTC());
    a.ingest(Reports.agent("n5").host(1, 1).build());
    await().atMost(WAIT).until(() -> b.cluster().bus().received() >= 1);
    ClusterStatus s = b.cluster();
    assertThat(s.nodeId()).isEqualTo("b");
    assertThat(s.leader()).isFalse();
    assertThat(s.members()).extracting(Member::nodeId).containsExactly("b");
    assertThat(s.caughtUp()).isTrue();
    assertThat(a.cluster().bus().published()).isPositive();
  }

  @Test
  void anEngineAloneIsItsOwnLeaderWithNoBus() {
    try (Orchestrator solo =
        Orchestrator.builder()
            .membership(Membership.solo("solo-1", "host:8080", Clock.systemUTC()))
            .build()) {
      ClusterStatus s = solo.cluster();
      assertThat(s.nodeId()).isEqualTo("solo-1");
      assertThat(s.leader()).isTrue();
      assertThat(s.bus()).isNull();
      assertThat(s.caughtUp()).isTrue();
      assertThat(s.members()).extracting(Member::address).containsExactly("host:8080");
    }
  }

  @Test
  void aClusterNeedsACodecToReadOtherReplicasReports() {
    assertThatThrownBy(
            () ->
                Orchestrator.builder()
                    .cluster(group.join(), new FixedMembership("x", true))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("codec");
  }

  @Test
  void anUnreadableReportOrAResyncLeavesTheReplicaServing() {
    Orchestrator b = engine("b", false, Clock.systemUTC());
    ClusterBus stranger = group.join();
    stranger.start("stranger", new Ignore());
    Agent agent =
        new Agent("n6", "h", Map.of(), Instant.now(), Instant.now(), null, AgentStatus.ACTIVE);
    stranger.publish(
        new ClusterEvent.ReportAccepted(
            "stranger", agent, Instant.now(), ReportBody.of(new byte[] {1})));
    stranger.publish(new ClusterEvent.Resync("stranger"));
    stranger.publish(new ClusterEvent.AgentRegistered("stranger", agent));
    await().atMost(WAIT).until(() -> b.agent("n6").isPresent());
    assertThat(b.latestReport("n6")).isEmpty();
    stranger.close();
  }

  /** A listener for a bus end that only publishes. */
  private static final class Ignore implements ClusterBus.Listener {
    @Override
    public void onEvent(ClusterEvent event) {}

    @Override
    public void onReconnected() {}
  }
}
