package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.server.security.SecurityConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access log, request ids, /metrics, rate limits and the WebSocket upgrade's credential. */
class OperationsTest {
  private static final String ADMIN = AuthMatrixTest.ADMIN_KEY;
  @TempDir Path dir;
  private TestServer api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(api.uri(path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return api.send(b.build());
  }

  @Test
  void everyRequestIsOneJsonLineWithItsIdAndNoSecret() throws Exception {
    Path log = dir.resolve("access.log");
    api =
        TestServer.start(
            b ->
                b.security(
                    SecurityConfig.builder()
                        .auth(true)
                        .adminKey(ADMIN)
                        .accessLog(log.toString())
                        .build()));
    HttpResponse<String> mine =
        get("/api/v1/query/stats", "Authorization", "Bearer " + ADMIN, "X-Request-Id", "req-42");
    assertThat(mine.headers().firstValue("X-Request-Id")).contains("req-42");
    HttpResponse<String> weird = get("/api/v1/ping", "X-Request-Id", "bad id with spaces");
    assertThat(weird.headers().firstValue("X-Request-Id").orElseThrow()).hasSize(36);
    assertThat(get("/nope?access_token=tok-secret&x=1").statusCode()).isEqualTo(404);
    api.post("/api/v1/reports", TestServer.report("logged")); // 401: no credential

    await().atMost(Duration.ofSeconds(5)).until(() -> Files.readAllLines(log).size() >= 4);
    List<String> lines = Files.readAllLines(log);
    assertThat(String.join("\n", lines)).doesNotContain(ADMIN).doesNotContain("tok-secret");
    JsonNode stats = TestServer.tree(lines.get(0));
    assertThat(stats.get("method").asText()).isEqualTo("GET");
    assertThat(stats.get("path").asText()).isEqualTo("/api/v1/query/stats");
    assertThat(stats.get("status").asInt()).isEqualTo(200);
    assertThat(stats.get("bytes").asLong()).isPositive();
    assertThat(stats.get("duration_ms").asDouble()).isPositive();
    assertThat(stats.get("principal").asText()).isEqualTo("admin-key");
    assertThat(stats.get("request_id").asText()).isEqualTo("req-42");
    assertThat(stats.get("remote").asText()).isEqualTo("127.0.0.1");
    assertThat(TestServer.tree(lines.get(2)).get("query").asText())
        .isEqualTo("access_token=***&x=1");
    for (String field :
        List.of(
            "ts",
            "method",
            "path",
            "query",
            "status",
            "bytes",
            "duration_ms",
            "remote",
            "principal",
            "agent_id",
            "request_id")) {
      assertThat(stats.has(field)).as(field).isTrue();
    }
  }

  @Test
  void metricsNameRouteTemplatesNeverRawPaths() {
    api = TestServer.start(b -> b);
    api.post("/api/v1/reports", TestServer.report("m1"));
    get("/api/v1/query/agents/m1/latest");
    get("/api/v1/query/agents/m2/latest");
    HttpResponse<String> text = get("/metrics");
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(text.body())
        .contains("orchestrator_reports_received_total{result=\"accepted\"} 1.0")
        .contains("orchestrator_agents{status=\"active\"} 1.0")
        .contains("orchestrator_topology_nodes{type=\"host\"} 1.0")
        .contains("orchestrator_websocket_clients 0.0")
        .contains("orchestrator_websocket_dropped_total 0.0")
        .contains("orchestrator_series_points")
        .contains("orchestrator_ingest_duration_seconds_count 1")
        .contains("route=\"/api/v1/query/agents/{agent_id}/latest\",status=\"404\"")
        .contains("jvm_memory_used_bytes")
        .contains("jvm_threads_current")
        .doesNotContain("/api/v1/query/agents/m1/latest");
    HttpResponse<String> open =
        get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");
    assertThat(open.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text");
    assertThat(open.body()).endsWith("# EOF\n");
  }

  @Test
  void overTheLimitIs429WithRetryAfterAndHealthIsNeverLimited() {
    api =
        TestServer.start(
            b -> b.security(SecurityConfig.builder().rateLimit(1).rateLimitBurst(3).build()));
    int limited = 0;
    HttpResponse<String> refused = null;
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = get("/api/v1/ping");
      if (r.statusCode() == 429) {
        limited++;
        refused = r;
      }
    }
    assertThat(limited).isGreaterThanOrEqualTo(6);
    assertThat(TestServer.json(refused).get("error").asText()).isEqualTo("rate limit exceeded");
    assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isGreaterThanOrEqualTo(1);
    for (int i = 0; i < 10; i++) {
      assertThat(get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theWebSocketUpgradeNeedsACredentialInTheHeaderOrAccessToken() throws Exception {
    api =
        TestServer.start(
            b -> b.security(SecurityConfig.builder().auth(true).adminKey(ADMIN).build()));
    String viewer = Keys.create(api, ADMIN, "viewer", null);
    String probe = Keys.create(api, ADMIN, "probe", null);
    URI ws = api.server.wsUri();
    assertThat(upgrade(ws, null)).isEqualTo(401);
    assertThat(upgrade(URI.create(ws + "?access_token=ok_wrong"), null)).isEqualTo(401);
    assertThat(upgrade(URI.create(ws + "?access_token=" + probe), null)).isEqualTo(403);
    assertThat(upgrade(URI.create(ws + "?access_token=" + viewer), null)).isEqualTo(101);
    assertThat(upgrade(ws, viewer)).isEqualTo(101);
  }

  private static int upgrade(URI uri, String bearer) {
    WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    try {
      WebSocket socket = b.buildAsync(uri, new WebSocket.Listener() {}).join();
      socket.abort();
      return 101;
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        return h.getResponse().statusCode();
      }
      throw e;
    }
  }
}
