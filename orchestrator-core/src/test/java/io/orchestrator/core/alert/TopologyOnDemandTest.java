package io.orchestrator.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.topology.Topology;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A snapshot of a large fleet materialises every node, so evaluation asks for the topology only
 * when a node or edge rule reads it: never with no rules, never for agent rules alone.
 */
class TopologyOnDemandTest {
  private final AtomicInteger built = new AtomicInteger();
  private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

  private void evaluate(AlertRuleBuilder... rules) {
    List<AlertRule> list = Arrays.stream(rules).map(AlertRuleBuilder::build).toList();
    new AlertEvaluator().evaluate(list, this::topology, List.of(), now);
  }

  private Topology topology() {
    built.incrementAndGet();
    return new Topology(Map.of(), Map.of(), Instant.EPOCH, 0);
  }

  @Test
  void noRulesAndAgentRulesNeverBuildTheTopology() {
    evaluate();
    evaluate(AlertRule.builder("Silent").kind(RuleKind.AGENT_STALE));
    assertThat(built).hasValue(0);
  }

  @Test
  void aNodeOrAnEdgeRuleBuildsItOncePerEvaluation() {
    evaluate(AlertRule.builder("Cpu").query("type:host cpu > 90"));
    assertThat(built).hasValue(1);
    evaluate(
        AlertRule.builder("Cpu").query("type:host cpu > 90"),
        AlertRule.builder("External").kind(RuleKind.EDGE).query("external:true"));
    assertThat(built).hasValue(2);
  }
}
