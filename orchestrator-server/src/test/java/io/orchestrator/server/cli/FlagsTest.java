package io.orchestrator.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.server.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlagsTest {
  private static ServerConfig parse(Map<String, String> env, String... args) throws Exception {
    return Flags.parse(args, env);
  }

  @Test
  void defaultsFollowTheDesign() throws Exception {
    ServerConfig c = parse(Map.of());
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.maxDataAge()).isEqualTo(Duration.ofHours(1));
    assertThat(c.cleanupInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.staleThreshold()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.corsOrigins()).containsExactly("*");
    assertThat(c.maxBodySize()).isEqualTo(16L << 20);
    assertThat(c.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-port 9001", "-port=9001", "--port 9001", "--port=9001"})
  void everyGoFlagSpellingWorks(String spelling) throws Exception {
    assertThat(parse(Map.of(), spelling.split(" ")).port()).isEqualTo(9001);
  }

  @Test
  void everyFlagIsParsed() throws Exception {
    ServerConfig c =
        parse(
            Map.of(),
            "-host",
            "127.0.0.1",
            "-port",
            "0",
            "-max-data-age",
            "2h",
            "-cleanup-interval=30s",
            "--stale-node-threshold",
            "90s",
            "-cors-origins",
            "https://a.example, https://b.example",
            "-max-body-size",
            "1MiB",
            "-shutdown-grace",
            "3s");
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isZero();
    assertThat(c.maxDataAge()).isEqualTo(Duration.ofHours(2));
    assertThat(c.cleanupInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.staleThreshold()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.corsOrigins()).isEqualTo(List.of("https://a.example", "https://b.example"));
    assertThat(c.maxBodySize()).isEqualTo(1L << 20);
    assertThat(c.shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void environmentFillsInAndFlagsWin() throws Exception {
    Map<String, String> env =
        Map.of(
            "ORCHESTRATOR_PORT",
            "7000",
            "ORCHESTRATOR_MAX_DATA_AGE",
            "3h",
            "ORCHESTRATOR_HOST",
            "10.0.0.1");
    ServerConfig c = parse(env, "-port", "7001");
    assertThat(c.port()).isEqualTo(7001);
    assertThat(c.maxDataAge()).isEqualTo(Duration.ofHours(3));
    assertThat(c.host()).isEqualTo("10.0.0.1");
  }

  @Test
  void sizesAcceptUnits() throws Exception {
    assertThat(parse(Map.of(), "-max-body-size", "512").maxBodySize()).isEqualTo(512);
    assertThat(parse(Map.of(), "-max-body-size", "64KiB").maxBodySize()).isEqualTo(65_536);
    assertThat(parse(Map.of(), "-max-body-size", "2g").maxBodySize()).isEqualTo(2L << 30);
  }

  @Test
  void helpIsRecognised() {
    for (String h : new String[] {"-h", "--help", "-help"}) {
      assertThatThrownBy(() -> parse(Map.of(), h)).isInstanceOf(Flags.HelpRequested.class);
    }
    assertThat(Flags.usage())
        .contains("-max-data-age", "ORCHESTRATOR_STALE_NODE_THRESHOLD", "-cors-origins");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> parse(Map.of(), "-bogus", "1"))
        .isInstanceOf(UsageException.class)
        .hasMessage("flag provided but not defined: -bogus");
    assertThatThrownBy(() -> parse(Map.of(), "-port")).hasMessage("flag needs an argument: -port");
    assertThatThrownBy(() -> parse(Map.of(), "-port", "70000"))
        .hasMessageContaining("-port: must be 0..65535");
    assertThatThrownBy(() -> parse(Map.of(), "-port", "http")).hasMessageContaining("-port");
    assertThatThrownBy(() -> parse(Map.of(), "-max-data-age", "0s"))
        .hasMessageContaining("-max-data-age: must be positive");
    assertThatThrownBy(() -> parse(Map.of(), "-cleanup-interval", "-1m"))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> parse(Map.of(), "-stale-node-threshold", "soon"))
        .hasMessageContaining("not a duration");
    assertThatThrownBy(() -> parse(Map.of(), "-max-body-size", "lots"))
        .hasMessageContaining("-max-body-size");
    assertThatThrownBy(() -> parse(Map.of(), "-cors-origins", " , "))
        .hasMessageContaining("cors-origins");
    assertThatThrownBy(() -> parse(Map.of("ORCHESTRATOR_PORT", "x"))).hasMessageContaining("-port");
    assertThatThrownBy(() -> parse(Map.of(), "stray")).hasMessage("unexpected argument: stray");
  }

  @Test
  void clusterFlagsNameTheReplicaAndNeedPostgres() throws Exception {
    ServerConfig c =
        parse(
            Map.of("ORCHESTRATOR_NODE_ID", "replica-7"),
            "-storage",
            "postgres",
            "-database-url",
            "jdbc:postgresql://db/o",
            "-cluster",
            "nats://a:4222, nats://b:4222");
    assertThat(c.cluster().nats()).containsExactly("nats://a:4222", "nats://b:4222");
    assertThat(c.cluster().nodeId("h", 1)).isEqualTo("replica-7");
    assertThat(parse(Map.of()).cluster().clustered()).isFalse();
    assertThat(parse(Map.of()).cluster().nodeId("h", 8080)).isEqualTo("h:8080");
    assertThatThrownBy(() -> parse(Map.of(), "-cluster", "nats://a:4222"))
        .hasMessageContaining("-storage postgres");
    ServerConfig withPassword =
        parse(
            Map.of(),
            "-storage",
            "postgres",
            "-database-url",
            "jdbc:postgresql://db/o",
            "-cluster",
            "nats://bus:s3cret-pw@a:4222");
    assertThat(withPassword.cluster().describe()).contains("a:4222").doesNotContain("s3cret-pw");
    assertThat(withPassword.toString()).doesNotContain("s3cret-pw");
    assertThatThrownBy(() -> parse(Map.of(), "-cluster", "http://a:4222"))
        .hasMessageContaining("-cluster");
  }
}
