package io.orchestrator.examples.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.server.OrchestratorServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StandaloneServerTest {
  @Test
  void startsWithItsCustomConfiguration() throws Exception {
    try (OrchestratorServer server = StandaloneServer.start(0)) {
      assertThat(server.config().maxDataAge()).isEqualTo(Duration.ofHours(2));
      HttpResponse<String> stats =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/query/stats")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(stats.statusCode()).isEqualTo(200);
      assertThat(stats.body()).contains("\"max_age\":\"2h0m0s\"");
    }
  }
}
