package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shaded jar as an operator runs it: start on port 0, serve, stop on SIGTERM with exit 0. */
class ServerJarIT {
  private static final Pattern PORT = Pattern.compile("^\\s+port\\s+(\\d+)$");

  private static Process launch(String... flags) throws Exception {
    Path jar = Path.of(System.getProperty("orchestrator.jar", "target/orchestrator-server.jar"));
    assertThat(jar).exists();
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar.toString()));
    cmd.addAll(List.of(flags));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void startsOnAFreePortServesHealthAndExitsZeroOnSigterm() throws Exception {
    Process p = launch("-host", "127.0.0.1", "-port", "0", "-shutdown-grace", "5s");
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      int port = -1;
      StringBuilder seen = new StringBuilder();
      for (String line = out.readLine(); line != null && port < 0; line = out.readLine()) {
        seen.append(line).append('\n');
        Matcher m = PORT.matcher(line);
        if (m.matches()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      assertThat(port).as("banner with the chosen port; output was:%n%s", seen).isPositive();

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"healthy\"");

      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void unknownFlagExitsTwoWithUsage() throws Exception {
    Process p = launch("-nope");
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output).contains("flag provided but not defined: -nope").contains("Usage:");
    assertThat(Files.exists(Path.of(javaBin()))).isTrue();
  }
}
