package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up: probe-shaped reports over HTTP to a throwaway server, never the served one.
 */
class WarmupTest {
  @Test
  void everyWarmupReportIsAcceptedOverHttp() {
    assertThat(new Warmup(200).run()).isEqualTo(200);
  }

  @Test
  void warmupNeverReachesTheServedEngine() {
    try (OrchestratorServer served =
        OrchestratorServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build())) {
      assertThat(new Warmup(100).run()).isEqualTo(100);
      assertThat(served.orchestrator().agents()).isEmpty();
      assertThat(served.orchestrator().topology().nodes()).isEmpty();
    }
  }
}
