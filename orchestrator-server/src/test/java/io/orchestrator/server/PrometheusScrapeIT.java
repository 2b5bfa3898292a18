package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus (Debian's) scrapes /metrics and answers a query about it (DESIGN §8). */
class PrometheusScrapeIT {
  @TempDir Path dir;

  @Test
  void aRealPrometheusScrapesTheServerAndAnswersWithItsSeries() throws Exception {
    try (TestServer api = TestServer.start(b -> b)) {
      for (int i = 0; i < 3; i++) {
        assertThat(api.post("/api/v1/reports", TestServer.report("p" + i)).statusCode())
            .isEqualTo(202);
      }
      int port = ExternalProcess.freePort();
      Files.writeString(
          dir.resolve("prometheus.yml"),
          "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: orchestrator\n"
              + "    static_configs:\n      - targets: ['127.0.0.1:"
              + api.server.port()
              + "']\n");
      try (ExternalProcess prometheus =
          ExternalProcess.start(
              dir,
              List.of(
                  "/usr/bin/prometheus",
                  "--config.file=" + dir.resolve("prometheus.yml"),
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port))) {
        URI query =
            URI.create(
                "http://127.0.0.1:"
                    + port
                    + "/api/v1/query?query=orchestrator_reports_received_total");
        HttpClient http = HttpClient.newHttpClient();
        JsonNode answer =
            await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                    () ->
                        TestServer.tree(
                            http.send(
                                    HttpRequest.newBuilder(query).build(),
                                    HttpResponse.BodyHandlers.ofString())
                                .body()),
                    a -> a.at("/data/result").size() == 2);
        for (JsonNode series : answer.at("/data/result")) {
          String result = series.at("/metric/result").asText();
          assertThat(series.at("/value/1").asText())
              .isEqualTo(result.equals("accepted") ? "3" : "0");
          assertThat(series.at("/metric/job").asText()).isEqualTo("orchestrator");
        }
        assertThat(prometheus.isAlive()).as(prometheus.output()).isTrue();
      }
    }
  }
}
