package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up warm-up pushes valid, probe-shaped reports through the whole report path. */
class WarmupTest {
  @Test
  void everyWarmupReportIsParsedValidatedAndIngested() {
    assertThat(new Warmup(200).run()).isEqualTo(200);
  }
}
