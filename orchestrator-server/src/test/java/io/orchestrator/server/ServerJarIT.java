package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar as an operator runs it: start on port 0, serve, stop on SIGTERM with exit 0. */
class ServerJarIT {

  @Test
  void startsOnAFreePortServesHealthAndExitsZeroOnSigterm() throws Exception {
    try (JarProcess p =
        JarProcess.start(Map.of(), "-host", "127.0.0.1", "-port", "0", "-shutdown-grace", "5s")) {
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(p.uri("/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"healthy\"");

      p.process.destroy(); // SIGTERM
      assertThat(p.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitCode()).isZero();
    }
  }

  @Test
  void unknownFlagExitsTwoWithUsage() throws Exception {
    JarProcess p = JarProcess.run(Map.of(), "-nope");
    assertThat(p.exitCode()).isEqualTo(2);
    assertThat(p.output()).contains("flag provided but not defined: -nope").contains("Usage:");
  }
}
