package io.orchestrator.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.orchestrator.server.ServerConfig;
import io.orchestrator.server.StorageConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The files in deploy/ are read the way their tools read them (YAML, systemd's key=value) and what
 * they pass the launcher is parsed by the launcher's own flag parser, so a renamed flag or a typo
 * in a manifest fails here rather than in somebody's cluster.
 */
class DeploymentFilesTest {
  private static final Path DEPLOY = Path.of("..", "deploy");

  @Test
  void kubernetesManifestsParseAndConfigureReplicasOnPostgresAndNatsWithAuth() throws Exception {
    Map<String, JsonNode> byKind = kinds("kubernetes/orchestrator.yaml");
    assertThat(byKind).containsOnlyKeys("ConfigMap", "Deployment", "Service");

    JsonNode pod = byKind.get("Deployment").at("/spec/template");
    JsonNode container = pod.at("/spec/containers/0");
    Map<String, String> env = new HashMap<>();
    byKind
        .get("ConfigMap")
        .path("data")
        .properties()
        .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    container
        .path("env")
        .forEach(e -> env.put(e.path("name").asText(), "secret-from-kubernetes-" + "x".repeat(16)));
    List<String> args = new ArrayList<>();
    container.path("args").forEach(a -> args.add(a.asText()));

    ServerConfig config = Flags.parse(args.toArray(String[]::new), env);
    assertThat(config.storage().mode()).isEqualTo(StorageConfig.Mode.POSTGRES);
    assertThat(config.security().auth()).isTrue();
    assertThat(config.port()).isEqualTo(container.at("/ports/0/containerPort").asInt());
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health");
    assertThat(byKind.get("Service").at("/spec/selector"))
        .isEqualTo(pod.at("/metadata/labels"))
        .isEqualTo(byKind.get("Deployment").at("/spec/selector/matchLabels"));
    assertThat(byKind.get("Service").at("/spec/ports/0/targetPort").asText())
        .isEqualTo(container.at("/ports/0/name").asText());

    assertThat(byKind.get("Deployment").at("/spec/replicas").asInt()).isGreaterThan(1);
    assertThat(config.cluster().clustered()).isTrue();
    Map<String, JsonNode> nats = kinds("kubernetes/nats.yaml");
    assertThat(nats).containsOnlyKeys("StatefulSet", "Service");
    JsonNode service = nats.get("Service");
    assertThat(config.cluster().nats())
        .containsExactly(
            "nats://"
                + service.at("/metadata/name").asText()
                + ":"
                + service.at("/spec/ports/0/port").asInt());
    assertThat(nats.get("StatefulSet").at("/spec/template/spec/containers/0/args").toString())
        .as("JetStream on")
        .contains("\"-js\"");
  }

  private static Map<String, JsonNode> kinds(String file) throws Exception {
    Map<String, JsonNode> byKind = new HashMap<>();
    try (var docs =
        new YAMLMapper().readerFor(JsonNode.class).readValues(DEPLOY.resolve(file).toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = (JsonNode) docs.next();
        byKind.put(doc.path("kind").asText(), doc);
      }
    }
    return byKind;
  }

  @Test
  void systemdUnitsEnvironmentAndCommandLineAreValidLauncherSettings() throws IOException {
    Map<String, String> env = new HashMap<>();
    List<String> command = List.of();
    for (String line : Files.readAllLines(DEPLOY.resolve("systemd/orchestrator.service"))) {
      if (line.startsWith("Environment=")) {
        String[] kv = line.substring("Environment=".length()).split("=", 2);
        env.put(kv[0], kv[1]);
      } else if (line.startsWith("ExecStart=")) {
        command = List.of(line.substring("ExecStart=".length()).split(" "));
      }
    }
    int jar = command.indexOf("-jar");
    assertThat(jar).as("ExecStart runs java -jar").isPositive();
    String[] args = command.subList(jar + 2, command.size()).toArray(String[]::new);
    env.put("ORCHESTRATOR_DATABASE_PASSWORD", "from-the-environment-file");

    try {
      ServerConfig config = Flags.parse(args, env);
      assertThat(config.storage().mode()).isEqualTo(StorageConfig.Mode.POSTGRES);
      assertThat(config.security().auth()).isTrue();
    } catch (Flags.HelpRequested | UsageException e) {
      throw new AssertionError("the unit's settings are refused: " + e.getMessage(), e);
    }
  }
}
