package io.orchestrator.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.testkit.OrchestratorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shaded jar with the README's example arguments, against a running server. */
class LoadGeneratorJarIT {
  @RegisterExtension OrchestratorExtension server = new OrchestratorExtension();

  @Test
  void readmeLoadCommandRunsAndSummarises() throws Exception {
    Path jar =
        Path.of(System.getProperty("orchestrator.loadgen.jar", "target/orchestrator-loadgen.jar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-jar",
                    jar.toString(),
                    "load",
                    "--server",
                    server.baseUri().toString(),
                    "--probes",
                    "50",
                    "--interval",
                    "1s",
                    "--duration",
                    "3s",
                    "--ws-clients",
                    "2",
                    "--report-size",
                    "medium"))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("Summary after").contains("failed 0").contains("2 clients");
    assertThat(server.orchestrator().stats().agents()).isEqualTo(50);
  }
}
