package io.orchestrator.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.testkit.OrchestratorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoadGeneratorTest {
  @RegisterExtension OrchestratorExtension server = new OrchestratorExtension();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws InterruptedException {
    return LoadGenerator.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void shortRunReportsProgressAndASummary() throws Exception {
    int code =
        run(
            "load",
            "--server",
            server.baseUri().toString(),
            "--probes",
            "20",
            "--interval",
            "250ms",
            "--duration",
            "2s",
            "--ws-clients",
            "2",
            "--ws-types",
            "report_update",
            "--report-size",
            "small");
    assertThat(code).isZero();
    String o = out.toString(StandardCharsets.UTF_8);
    assertThat(o)
        .contains("Summary after")
        .contains("failed 0")
        .contains("latency   p50")
        .contains("2 clients");
    long accepted = server.orchestrator().stats().reportsTotal();
    assertThat(accepted).isGreaterThanOrEqualTo(20);
    assertThat(o).contains("accepted " + accepted);
  }

  @Test
  void badArgumentsExitTwoWithAMessage() throws Exception {
    assertThat(run("load", "--probes", "10")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--server is required")
        .contains("Usage:");
    err.reset();
    assertThat(run("load", "--server", "http://x", "--interval", "soon")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--interval must be a positive duration");
    assertThat(run("blast")).isEqualTo(2);
    assertThat(run("load", "--server", "ftp://x")).isEqualTo(2);
    assertThat(run("load", "--server", "http://x", "--report-size", "huge")).isEqualTo(2);
    assertThat(run("load", "--server", "http://x", "--bogus", "1")).isEqualTo(2);
    err.reset();
    assertThat(run("load", "--server", "http://x", "--ws-types", "report_update,gossip"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--ws-types: unknown type gossip");
  }

  @Test
  void unreachableServerExitsOne() throws Exception {
    assertThat(run("load", "--server", "http://127.0.0.1:1", "--duration", "1s")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach");
  }
}
