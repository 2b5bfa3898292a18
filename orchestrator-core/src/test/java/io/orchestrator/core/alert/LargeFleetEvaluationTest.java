package io.orchestrator.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fleet large enough that an evaluation splits the topology between threads: every match is found
 * once, whichever thread scanned its agent.
 */
class LargeFleetEvaluationTest {
  private static final int AGENTS = 400;

  private final Orchestrator orchestrator =
      Orchestrator.builder()
          .clock(MutableClock.atBucketStart())
          .alertInterval(Duration.ofDays(1))
          .build();

  @AfterEach
  void close() {
    orchestrator.close();
  }

  private static String agent(int i) {
    return "agent-" + i;
  }

  @Test
  void everyNodeAndEdgeRuleFindsEachMatchOnceAcrossTheWholeFleet() {
    for (int i = 0; i < AGENTS; i++) {
      orchestrator.ingest(
          Reports.agent(agent(i))
              .host(i % 100, 10)
              .process(10, i % 2 == 0 ? "curl" : "java", null)
              .connect(10, "10.0." + i / 250 + "." + i % 250, "203.0.113.9", 443)
              .build());
    }
    put(AlertRule.builder("HotHost").query("type:host cpu > 89"));
    put(AlertRule.builder("Curl").query("type:process name:/^cur/"));
    put(AlertRule.builder("External").kind(RuleKind.EDGE).query("external:true target:/:443$/"));

    List<Alert> active = orchestrator.alerting().evaluate().active();

    assertThat(nodes(active, "HotHost"))
        .isEqualTo(ids(IntStream.range(0, AGENTS).filter(i -> i % 100 > 89), i -> agent(i)));
    assertThat(nodes(active, "Curl"))
        .isEqualTo(ids(IntStream.range(0, AGENTS).filter(i -> i % 2 == 0), i -> agent(i) + "-10"));
    List<Alert> external = active.stream().filter(a -> a.rule().equals("External")).toList();
    assertThat(external).hasSize(AGENTS);
    assertThat(external.stream().map(a -> a.labels().get("source")).collect(Collectors.toSet()))
        .isEqualTo(ids(IntStream.range(0, AGENTS), i -> agent(i) + "-10"));
  }

  private void put(AlertRuleBuilder b) {
    orchestrator.alerting().rules().put(b.build());
  }

  private static Set<String> nodes(List<Alert> active, String rule) {
    return active.stream()
        .filter(a -> a.rule().equals(rule))
        .map(a -> a.labels().get("node_id"))
        .collect(Collectors.toSet());
  }

  private static Set<String> ids(IntStream agents, java.util.function.IntFunction<String> id) {
    return agents.mapToObj(id).collect(Collectors.toSet());
  }
}
