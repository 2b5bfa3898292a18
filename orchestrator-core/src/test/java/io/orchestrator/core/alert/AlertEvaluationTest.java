package io.orchestrator.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.hub.Event;
import io.orchestrator.core.hub.EventFilter;
import io.orchestrator.core.hub.EventType;
import io.orchestrator.core.hub.HubEvent;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertEvaluationTest {
  private final MutableClock clock = MutableClock.atBucketStart();
  private final Orchestrator orchestrator =
      Orchestrator.builder()
          .clock(clock)
          .staleThreshold(Duration.ofMinutes(5))
          .alertInterval(Duration.ofDays(1)) // evaluations here happen when the test says
          .build();

  @AfterEach
  void close() {
    orchestrator.close();
  }

  private Evaluation evaluate() {
    return orchestrator.alerting().evaluate();
  }

  private void rule(AlertRuleBuilder b) {
    orchestrator.alerting().rules().put(b.build());
  }

  private static List<AlertStatus> statuses(Evaluation e) {
    return e.changes().stream().map(AlertEvent::status).toList();
  }

  @Test
  void aRuleWhoseRegexTripsItsBudgetStopsMatchingAndTheOthersStillFire() {
    String aaa = "a".repeat(40);
    rule(AlertRule.builder("Evil").query("type:host name:/((a+)+)+b/"));
    rule(AlertRule.builder("Named").query("type:host name:/^a/"));
    rule(AlertRule.builder("EvilStale").kind(RuleKind.AGENT_STALE).query("/((a+)+)+b/"));
    orchestrator.ingest(Reports.agent(aaa).host(10, 10).build());
    orchestrator.ingest(Reports.agent("a-second").host(10, 10).build());
    clock.advance(Duration.ofMinutes(10)); // both agents stale

    Evaluation e = evaluate();
    assertThat(e.active())
        .extracting(a -> a.labels().get("alertname"))
        .containsExactlyInAnyOrder("Named", "Named");
    assertThat(orchestrator.alerting().stats().regexTrips())
        .as("the host rule once for its node type, the agent rule once")
        .isEqualTo(2);
  }

  @Test
  void aHostOverTheThresholdIsPendingThenFiresAfterItsForThenResolvesOnce() {
    rule(
        AlertRule.builder("HostCpu")
            .query("type:host cpu > 90")
            .forDuration(Duration.ofMinutes(2)));
    orchestrator.ingest(Reports.agent("a").host(95, 10).build());
    orchestrator.ingest(Reports.agent("b").host(20, 10).build());

    Evaluation first = evaluate();
    assertThat(statuses(first)).containsExactly(AlertStatus.PENDING);
    Alert pending = first.active().get(0);
    assertThat(pending.labels())
        .containsEntry("alertname", "HostCpu")
        .containsEntry("severity", "warning")
        .containsEntry("node_id", "a")
        .containsEntry("node_type", "host")
        .containsEntry("agent_id", "a");
    assertThat(pending.value()).isEqualTo(95.0);
    assertThat(pending.firedAt()).isNull();

    clock.advance(Duration.ofMinutes(1));
    assertThat(evaluate().changes()).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    Evaluation fired = evaluate();
    assertThat(statuses(fired)).containsExactly(AlertStatus.FIRING);
    Alert firing = fired.firing().get(0);
    assertThat(firing.activeSince()).isEqualTo(pending.activeSince());
    assertThat(firing.firedAt()).isEqualTo(clock.instant());
    assertThat(fired.notifiable()).hasSize(1);

    orchestrator.ingest(Reports.agent("a").host(10, 10).build());
    Evaluation resolved = evaluate();
    assertThat(statuses(resolved)).containsExactly(AlertStatus.RESOLVED);
    assertThat(resolved.notifiable()).hasSize(1);
    assertThat(resolved.active()).isEmpty();
    assertThat(evaluate().changes()).isEmpty();
  }

  @Test
  void aRuleWithoutForFiresAtTheFirstEvaluation() {
    rule(AlertRule.builder("Cpu").query("type:host cpu > 90"));
    orchestrator.ingest(Reports.agent("a").host(95, 10).build());
    Evaluation e = evaluate();
    assertThat(statuses(e)).containsExactly(AlertStatus.FIRING);
    assertThat(e.firing().get(0).firedAt()).isEqualTo(e.firing().get(0).activeSince());
  }

  @Test
  void aPendingAlertWhoseConditionEndsIsGoneWithoutANotification() {
    rule(AlertRule.builder("Cpu").query("type:host cpu > 90").forDuration(Duration.ofMinutes(5)));
    orchestrator.ingest(Reports.agent("a").host(95, 10).build());
    evaluate();
    orchestrator.ingest(Reports.agent("a").host(5, 10).build());
    Evaluation e = evaluate();
    assertThat(statuses(e)).containsExactly(AlertStatus.RESOLVED);
    assertThat(e.changes().get(0).alert().state()).isEqualTo(AlertStatus.PENDING);
    assertThat(e.notifiable()).isEmpty();
    assertThat(e.active()).isEmpty();
  }

  @Test
  void anEdgeRuleFiresOncePerEdgeToAnAddressOutsideTheFleet() {
    rule(
        AlertRule.builder("External")
            .kind(RuleKind.EDGE)
            .query("external:true connections >= 1")
            .severity(Severity.CRITICAL));
    orchestrator.ingest(
        Reports.agent("a")
            .host(1, 1)
            .process(10, "curl", null)
            .connect(10, "10.0.0.1", "203.0.113.9", 443)
            .build());
    Evaluation e = evaluate();
    assertThat(e.firing()).hasSize(1);
    Map<String, String> labels = e.firing().get(0).labels();
    assertThat(labels)
        .containsEntry("alertname", "External")
        .containsEntry("severity", "critical")
        .containsEntry("target", "203.0.113.9:443");
    assertThat(labels.get("source")).contains("10");
    assertThat(e.firing().get(0).value()).isEqualTo(1.0);

    orchestrator.ingest(Reports.agent("a").host(1, 1).process(10, "curl", null).build());
    assertThat(statuses(evaluate())).containsExactly(AlertStatus.RESOLVED);
  }

  @Test
  void anAgentStaleRuleFiresForEachSilentAgentAndResolvesWhenItReportsAgain() {
    rule(AlertRule.builder("Silent").kind(RuleKind.AGENT_STALE));
    orchestrator.ingest(Reports.agent("a").host(1, 1).build());
    orchestrator.ingest(Reports.agent("b").host(1, 1).build());
    assertThat(evaluate().changes()).isEmpty();

    clock.advance(Duration.ofMinutes(4));
    orchestrator.ingest(Reports.agent("b").host(1, 1).build());
    clock.advance(Duration.ofMinutes(2));
    Evaluation e = evaluate();
    assertThat(e.firing()).hasSize(1);
    assertThat(e.firing().get(0).labels())
        .containsEntry("agent_id", "a")
        .containsEntry("hostname", "a.example");
    assertThat(e.firing().get(0).value()).isEqualTo(360.0);

    orchestrator.ingest(Reports.agent("a").host(1, 1).build());
    assertThat(statuses(evaluate())).containsExactly(AlertStatus.RESOLVED);
  }

  @Test
  void deletingARuleResolvesItsFiringAlerts() {
    rule(AlertRule.builder("Cpu").query("type:host cpu > 90"));
    orchestrator.ingest(Reports.agent("a").host(95, 10).build());
    evaluate();
    assertThat(orchestrator.alerting().rules().delete("Cpu")).isTrue();
    assertThat(statuses(evaluate())).containsExactly(AlertStatus.RESOLVED);
  }

  @Test
  void changingARulesLabelsResolvesTheOldAlertAndStartsANewOne() {
    rule(AlertRule.builder("Cpu").query("type:host cpu > 90"));
    orchestrator.ingest(Reports.agent("a").host(95, 10).build());
    evaluate();
    rule(AlertRule.builder("Cpu").query("type:host cpu > 90").labels(Map.of("team", "ops")));
    Evaluation e = evaluate();
    assertThat(statuses(e)).containsExactlyInAnyOrder(AlertStatus.RESOLVED, AlertStatus.FIRING);
    assertThat(e.firing().get(0).labels()).containsEntry("team", "ops");
  }

  @Test
  void annotationsFillInTheAlertsLabelsAndValue() {
    rule(
        AlertRule.builder("Cpu")
            .query("type:container cpu > 50")
            .annotations(
                Map.of(
                    "summary", "{{ $labels.node_id }} on {{$labels.agent_id}} at {{ $value }}%",
                    "missing", "[{{ $labels.nope }}]")));
    orchestrator.ingest(
        Reports.agent("a").host(1, 1).container(Reports.containerId("c"), "web", 75.5).build());
    Alert a = evaluate().firing().get(0);
    assertThat(a.labels()).containsEntry("node_type", "container").containsEntry("agent_id", "a");
    assertThat(a.annotations().get("summary"))
        .isEqualTo(a.labels().get("node_id") + " on a at 75.5%");
    assertThat(a.annotations().get("missing")).isEqualTo("[]");
  }

  @Test
  void eachChangeIsPublishedOnTheHubAsAnAlertEvent() {
    List<Event> events = new CopyOnWriteArrayList<>();
    orchestrator.hub().subscribe(new EventFilter(Set.of(EventType.ALERT), Set.of()), events::add);
    rule(AlertRule.builder("Cpu").query("type:host cpu > 90"));
    orchestrator.ingest(Reports.agent("a").host(95, 10).build());
    evaluate();
    await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);
    Event e = events.get(0);
    assertThat(e.agentId()).isEqualTo("a");
    assertThat(((HubEvent.AlertChanged) e.payload()).event().status())
        .isEqualTo(AlertStatus.FIRING);
  }

  @Test
  void statsCountRulesAndAlertsByState() {
    rule(AlertRule.builder("Cpu").query("type:host cpu > 90"));
    rule(AlertRule.builder("Slow").query("type:host cpu > 50").forDuration(Duration.ofMinutes(1)));
    orchestrator.ingest(Reports.agent("a").host(95, 10).build());
    evaluate();
    AlertStats s = orchestrator.stats().alerts();
    assertThat(s.rules()).isEqualTo(2);
    assertThat(s.firing()).isEqualTo(1);
    assertThat(s.pending()).isEqualTo(1);
    assertThat(s.evaluations()).isEqualTo(1);
  }

  @Test
  void aTypeTermKeepsARuleAwayFromOtherNodeTypes() {
    rule(AlertRule.builder("Named").query("type:process name:nginx"));
    orchestrator.ingest(
        Reports.agent("a")
            .host(1, 1)
            .container(Reports.containerId("n"), "nginx", 1)
            .process(1, "nginx", null)
            .build());
    assertThat(evaluate().firing())
        .singleElement()
        .satisfies(a -> assertThat(a.labels()).containsEntry("node_type", "process"));
  }
}
