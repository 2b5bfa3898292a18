package io.orchestrator.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRuleTest {
  private static InvalidRuleException invalid(Runnable r) {
    try {
      r.run();
    } catch (InvalidRuleException e) {
      return e;
    }
    throw new AssertionError("no InvalidRuleException");
  }

  @Test
  void aRuleHasTheDefaultsOfTheDesign() {
    AlertRule r = AlertRule.builder("HostCpu").query("type:host cpu > 90").build();
    assertThat(r.kind()).isEqualTo(RuleKind.QUERY);
    assertThat(r.severity()).isEqualTo(Severity.WARNING);
    assertThat(r.forDuration()).isZero();
    assertThat(r.labels()).isEmpty();
  }

  @Test
  void eachProblemNamesItsField() {
    assertThat(invalid(() -> AlertRule.builder("no spaces").query("x").build()).field())
        .isEqualTo("name");
    assertThat(invalid(() -> AlertRule.builder("r").build()).field()).isEqualTo("query");
    InvalidRuleException q = invalid(() -> AlertRule.builder("r").query("cpu > fast"));
    assertThat(q.field()).isEqualTo("query");
    assertThat(q.getMessage()).startsWith("query: ").contains("position");
    assertThat(
            invalid(
                    () ->
                        AlertRule.builder("r")
                            .query("x")
                            .forDuration(Duration.ofSeconds(-1))
                            .build())
                .field())
        .isEqualTo("for");
    assertThat(
            invalid(() -> AlertRule.builder("r").query("x").labels(Map.of("node_id", "n")).build())
                .field())
        .isEqualTo("labels.node_id");
    assertThat(
            invalid(() -> AlertRule.builder("r").query("x").labels(Map.of("bad-name", "v")).build())
                .field())
        .isEqualTo("labels.bad-name");
    assertThat(
            invalid(
                    () ->
                        AlertRule.builder("r")
                            .query("x")
                            .annotations(Map.of("s", "x".repeat(5000)))
                            .build())
                .field())
        .isEqualTo("annotations.s");
  }

  @Test
  void anAgentStaleRuleNeedsNoQuery() {
    assertThat(AlertRule.builder("s").kind(RuleKind.AGENT_STALE).build().query().isEmpty())
        .isTrue();
  }

  @Test
  void labelsAreBounded() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      many.put("l" + i, "v");
    }
    assertThat(invalid(() -> AlertRule.builder("r").query("x").labels(many).build()).field())
        .isEqualTo("labels");
  }

  @Test
  void aStoreHoldsAtMostItsCapOfRules() {
    InMemoryAlertRuleStore store = new InMemoryAlertRuleStore();
    for (int i = 0; i < AlertRuleStore.MAX_RULES; i++) {
      store.put(AlertRule.builder("r" + i).query("x").build());
    }
    assertThat(store.put(AlertRule.builder("r0").query("y").build())).isFalse();
    assertThatThrownBy(() -> store.put(AlertRule.builder("new").query("x").build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at most 1000");
  }
}
