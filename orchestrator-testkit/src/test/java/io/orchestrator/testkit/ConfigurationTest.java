package io.orchestrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.server.ServerConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Defaults, custom values as a running server shows them, and validation. */
class ConfigurationTest {
  @RegisterExtension
  OrchestratorExtension server =
      new OrchestratorExtension()
          .server(
              b ->
                  b.maxDataAge(Duration.ofMinutes(90))
                      .corsOrigins(List.of("https://ui.example"))
                      .maxBodySize(2048));

  private HttpResponse<String> get(String path, String origin) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(server.baseUri().resolve(path)).header("Origin", origin).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void defaultsFollowTheDesign() {
    ServerConfig d = ServerConfig.defaults();
    assertThat(d.port()).isEqualTo(8080);
    assertThat(d.maxDataAge()).isEqualTo(Duration.ofHours(1));
    assertThat(d.cleanupInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(d.staleThreshold()).isEqualTo(Duration.ofMinutes(5));
    assertThat(d.corsOrigins()).containsExactly("*");
  }

  @Test
  void customValuesAreWhatTheServerRunsWith() throws Exception {
    assertThat(server.serverInstance().config().maxDataAge()).isEqualTo(Duration.ofMinutes(90));
    assertThat(
            get("/health", "https://ui.example")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .contains("https://ui.example");
    String big = "{\"agent_id\":\"a\",\"hostname\":\"" + "x".repeat(4096) + "\"}";
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/reports"))
                    .POST(HttpRequest.BodyPublishers.ofString(big))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void invalidValuesAreRefusedWithTheirName() {
    assertThatThrownBy(() -> ServerConfig.builder().port(70_000).build())
        .hasMessageContaining("port");
    assertThatThrownBy(() -> ServerConfig.builder().maxDataAge(Duration.ZERO).build())
        .hasMessageContaining("max-data-age");
    assertThatThrownBy(() -> ServerConfig.builder().staleThreshold(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("stale-node-threshold");
    assertThatThrownBy(() -> ServerConfig.builder().maxBodySize(0).build())
        .hasMessageContaining("max-body-size");
    // No origins is a setting (same origin only, as -secure makes it), not a mistake.
    assertThat(ServerConfig.builder().corsOrigins(List.of()).build().corsOrigins()).isEmpty();
  }
}
