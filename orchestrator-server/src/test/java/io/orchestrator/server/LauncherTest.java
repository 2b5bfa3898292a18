package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int launch(String... args) {
    return Main.launch(
        args,
        Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    assertThat(launch("-h")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage:");
  }

  @Test
  void badFlagPrintsTheProblemAndUsageAndExitsTwo() {
    assertThat(launch("-port", "-3")).isEqualTo(2);
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(e).contains("-port").contains("Usage:");
  }

  @Test
  void portInUseExitsOneWithTheReason() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      assertThat(launch("-host", "127.0.0.1", "-port", Integer.toString(taken.getLocalPort())))
          .isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
      assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("running");
    }
  }

  @Test
  void failedStartLeavesNoFeedThreadBehind() throws Exception {
    long before = feedThreads();
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      assertThat(launch("-host", "127.0.0.1", "-port", Integer.toString(taken.getLocalPort())))
          .isEqualTo(1);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> feedThreads() <= before);
  }

  private static long feedThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("orchestrator-ws-"))
        .count();
  }

  @Test
  void bannerShowsEveryValueAndTheChosenPort() {
    try (OrchestratorServer s =
        OrchestratorServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build())) {
      String banner = Main.banner(s);
      assertThat(banner)
          .contains("port                  " + s.port())
          .contains("max-data-age          1h0m0s")
          .contains("stale-node-threshold  5m0s")
          .contains("cors-origins          *")
          .contains("http://127.0.0.1:" + s.port() + "/api/v1")
          .contains("ws://127.0.0.1:" + s.port() + "/api/v1/ws")
          .contains("/health");
    }
  }
}
