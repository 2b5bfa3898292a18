package io.orchestrator.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.server.OrchestratorServer;
import io.orchestrator.server.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every {@code curl} line of the README's bash blocks, run as written against a live server. */
class ReadmeCommandsIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  static List<String> curlCommands() throws Exception {
    List<String> commands = new ArrayList<>();
    boolean inBash = false;
    StringBuilder pending = null;
    for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
      if (line.startsWith("```")) {
        inBash = !inBash && line.equals("```bash");
        continue;
      }
      if (pending != null) {
        pending.append(' ').append(line.strip());
      } else if (inBash && line.startsWith("curl ")) {
        pending = new StringBuilder(line);
      } else {
        continue;
      }
      if (pending.charAt(pending.length() - 1) == '\\') {
        pending.setLength(pending.length() - 1);
      } else {
        commands.add(pending.toString());
        pending = null;
      }
    }
    return commands;
  }

  @Test
  void readmeCurlCommandsWork() throws Exception {
    List<String> commands = curlCommands();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(6);
    try (OrchestratorServer server =
        OrchestratorServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build())) {
      for (String command : commands) {
        String local = command.replace("localhost:8080", "127.0.0.1:" + server.port());
        Process p =
            new ProcessBuilder("bash", "-c", local + " -w '\\n%{http_code}'")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s%n%s", command, out).isZero();
        String status = out.substring(out.lastIndexOf('\n') + 1);
        assertThat(status).as("%s%n%s", command, out).matches("20[012]");
        assertThat(out).doesNotContain("\"error\"");
      }
      assertThat(server.orchestrator().latestReport("node-a")).isPresent();
    }
  }
}
