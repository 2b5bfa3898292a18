package io.orchestrator.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
  @ParameterizedTest
  @CsvSource({
    "90s, PT1M30S",
    "15m, PT15M",
    "1h30m, PT1H30M",
    "1.5h, PT1H30M",
    "300ms, PT0.3S",
    "2us, PT0.000002S",
    "2µs, PT0.000002S",
    "7ns, PT0.000000007S",
    "0, PT0S",
    "-5m, PT-5M",
    "1h2m3.5s, PT1H2M3.5S",
  })
  void parsesGoSyntax(String text, String iso) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "abc", "1x", "h", "1..5s", ".s", "-", "1h 30m"})
  void rejectsEverythingElse(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "PT1H, 1h0m0s",
    "PT5M, 5m0s",
    "PT5M23S, 5m23s",
    "PT15S, 15s",
    "PT1.5S, 1.5s",
    "PT0.1S, 100ms",
    "PT0S, 0s",
    "PT26H3M, 26h3m0s",
  })
  void formatsLikeGo(String iso, String text) {
    assertThat(GoDuration.format(Duration.parse(iso))).isEqualTo(text);
  }
}
