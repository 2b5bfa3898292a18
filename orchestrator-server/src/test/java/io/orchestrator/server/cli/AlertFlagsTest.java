package io.orchestrator.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.core.alert.RuleKind;
import io.orchestrator.core.alert.Severity;
import io.orchestrator.server.AlertConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertFlagsTest {
  @TempDir Path dir;

  private static AlertConfig parse(String... args) throws Exception {
    return Flags.parse(args, Map.of()).alerts();
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void byDefaultThereAreNoRulesOrReceiversAndEvaluationIsEveryFifteenSeconds() throws Exception {
    AlertConfig a = parse();
    assertThat(a.rules()).isEmpty();
    assertThat(a.interval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(a.receivers().webhooks()).isEmpty();
    assertThat(a.receivers().alertmanagers()).isEmpty();
  }

  @Test
  void rulesComeFromYamlWithARulesList() throws Exception {
    Path yaml =
        file(
            "rules.yaml",
            """
            rules:
              - name: HostCpu
                query: "type:host cpu > 90"
                for: 2m
                severity: critical
                labels: {team: ops}
                annotations:
                  summary: "{{ $labels.node_id }} is hot"
              - name: Silent
                kind: agent_stale
            """);
    AlertConfig a = parse("-alert-rules", yaml.toString(), "-alert-interval", "30s");
    assertThat(a.interval()).isEqualTo(Duration.ofSeconds(30));
    AlertRule cpu = a.rules().get(0);
    assertThat(cpu.name()).isEqualTo("HostCpu");
    assertThat(cpu.forDuration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(cpu.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(cpu.labels()).containsEntry("team", "ops");
    assertThat(cpu.annotations()).containsEntry("summary", "{{ $labels.node_id }} is hot");
    assertThat(a.rules().get(1).kind()).isEqualTo(RuleKind.AGENT_STALE);
  }

  @Test
  void rulesComeFromAJsonArray() throws Exception {
    Path json =
        file(
            "rules.json",
            "[{\"name\":\"External\",\"kind\":\"edge\",\"query\":\"external:true\"}]");
    assertThat(parse("-alert-rules", json.toString()).rules().get(0).kind())
        .isEqualTo(RuleKind.EDGE);
  }

  @Test
  void aBadRuleFileNamesTheFileTheRuleAndTheField() throws Exception {
    Path bad =
        file(
            "bad.yaml",
            "rules:\n  - name: ok\n    query: x\n  - name: broken\n    query: 'cpu >'\n");
    assertThatThrownBy(() -> parse("-alert-rules", bad.toString()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("bad.yaml: rules[1].query: ")
        .hasMessageContaining("position");
    Path dup =
        file("dup.json", "[{\"name\":\"a\",\"query\":\"x\"},{\"name\":\"a\",\"query\":\"y\"}]");
    assertThatThrownBy(() -> parse("-alert-rules", dup.toString()))
        .hasMessageContaining("rules[1].name: a is defined twice");
    Path shape = file("shape.yaml", "HostCpu: {query: x}\n");
    assertThatThrownBy(() -> parse("-alert-rules", shape.toString()))
        .hasMessageContaining("expected a JSON array of rules or YAML with a rules: list");
    Path notYaml = file("broken.yaml", "rules: [\n");
    assertThatThrownBy(() -> parse("-alert-rules", notYaml.toString()))
        .hasMessageContaining("not JSON or YAML");
    assertThatThrownBy(() -> parse("-alert-rules", dir.resolve("missing.yaml").toString()))
        .hasMessageContaining("cannot read");
  }

  @Test
  void receiversAreCheckedWithoutEchoingTheirCredentials() throws Exception {
    AlertConfig a =
        parse(
            "-alert-webhook",
            "http://a.example/hook, https://u:pw@b.example:8443/x",
            "-alertmanager-url",
            "http://am:9093",
            "-external-url",
            "https://orchestrator.example");
    assertThat(a.receivers().webhooks()).hasSize(2);
    assertThat(a.receivers().alertmanagers()).containsExactly(URI.create("http://am:9093"));
    assertThat(a.receivers().toString()).doesNotContain("pw");
    assertThatThrownBy(() -> parse("-alert-webhook", "ftp://u:topsecret@host/"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("alert-webhook must be http(s)")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> parse("-alertmanager-url", "http://u:topsecret@host/ x"))
        .hasMessageContaining("not a URL")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> parse("-alert-interval", "0s"))
        .hasMessageContaining("-alert-interval");
  }
}
