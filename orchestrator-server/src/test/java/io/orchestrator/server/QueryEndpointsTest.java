package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryEndpointsTest {
  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.start();
    api.post("/api/v1/reports", TestServer.fixture());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void healthAndPing() {
    HttpResponse<String> health = api.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(TestServer.json(health).get("status").asText()).isEqualTo("healthy");
    assertThat(TestServer.json(health).get("timestamp").asText()).isNotBlank();
    JsonNode ping = TestServer.json(api.get("/api/v1/ping"));
    assertThat(ping.get("pong").asBoolean()).isTrue();
  }

  @Test
  void aServerWithoutClusterIsTheOneMemberAndItsLeader() {
    JsonNode c = TestServer.json(api.get("/api/v1/cluster"));
    assertThat(c.get("leader").asBoolean()).isTrue();
    assertThat(c.get("members")).hasSize(1);
    assertThat(c.at("/members/0/node_id").asText()).isEqualTo(c.get("node_id").asText());
    assertThat(c.at("/members/0/leader").asBoolean()).isTrue();
    assertThat(c.has("bus")).isFalse();
    assertThat(TestServer.json(api.get("/health")).has("cluster")).isFalse();
  }

  @Test
  void topologyHasNodesAndEdgesKeyedByIdAndAVersion() {
    JsonNode t = TestServer.json(api.get("/api/v1/query/topology"));
    JsonNode topo = t.get("topology");
    assertThat(topo.get("nodes").isObject()).isTrue();
    assertThat(topo.at("/nodes/node-a/type").asText()).isEqualTo("host");
    assertThat(topo.at("/nodes/node-a/parent_id").isMissingNode()).isTrue();
    assertThat(topo.at("/nodes/node-a-2345/parent_id").asText())
        .isEqualTo("4b5e57f6eb2f42b9039b3d1e13929295f231749c510cbe341cd68036d9af97e2");
    assertThat(topo.at("/nodes/node-a-2345/metadata/listening_ports/0/port").asInt()).isEqualTo(80);
    JsonNode edge = topo.at("/edges/node-a-2345->10.0.0.9:5432-tcp");
    assertThat(edge.get("type").asText()).isEqualTo("network");
    assertThat(edge.get("connections").asInt()).isEqualTo(1);
    JsonNode parent = topo.at("/edges/node-a->node-a-812");
    assertThat(parent.get("type").asText()).isEqualTo("parent-child");
    assertThat(parent.has("connections")).isFalse();
    assertThat(t.get("version").asLong()).isPositive();
    assertThat(t.get("timestamp").asText()).isNotBlank();
  }

  @Test
  void unchangedTopologyIsA304ForItsETag() {
    HttpResponse<String> first = api.get("/api/v1/query/topology");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isEqualTo("\"" + TestServer.json(first).get("version").asLong() + "\"");
    HttpResponse<String> again =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/query/topology"))
                .header("If-None-Match", etag)
                .build());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    HttpResponse<String> stale =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/query/topology"))
                .header("If-None-Match", "\"0\"")
                .build());
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(first.body());
  }

  @Test
  void topologyIsGzippedOnceForClientsThatAskAndPlainForOthers() throws Exception {
    HttpResponse<String> plain = api.get("/api/v1/query/topology");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(plain.body().getBytes(StandardCharsets.UTF_8).length));
    HttpRequest gzip =
        HttpRequest.newBuilder(api.uri("/api/v1/query/topology"))
            .header("Accept-Encoding", "gzip, deflate, br")
            .build();
    HttpResponse<byte[]> first = api.http.send(gzip, HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> second = api.http.send(gzip, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(first.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(first.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    assertThat(first.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(first.body().length));
    assertThat(second.body()).isEqualTo(first.body());
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(first.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
    }
  }

  @Test
  void timeseriesDefaultsToOneHourOfHostMetrics() {
    JsonNode ts = TestServer.json(api.get("/api/v1/query/agents/node-a/timeseries"));
    assertThat(ts.get("duration").asText()).isEqualTo("1h");
    assertThat(ts.get("resolution").asText()).isEqualTo("15s");
    assertThat(ts.get("count").asInt()).isEqualTo(1);
    JsonNode metrics = ts.at("/points/0/metrics");
    assertThat(metrics.get("host.cpu.usage").asDouble()).isEqualTo(12.73);
    assertThat(metrics.fieldNames()).toIterable().allMatch(n -> n.startsWith("host."));
  }

  @Test
  void timeseriesSelectsMetricsAndScope() {
    JsonNode named =
        TestServer.json(
            api.get(
                "/api/v1/query/agents/node-a/timeseries?duration=90s&metrics=host.cpu.usage,process.2345.threads"));
    assertThat(named.get("duration").asText()).isEqualTo("90s");
    assertThat(named.at("/points/0/metrics").size()).isEqualTo(2);
    JsonNode all =
        TestServer.json(api.get("/api/v1/query/agents/node-a/timeseries?scope=all&duration=1h30m"));
    assertThat(
            all.at(
                    "/points/0/metrics/container.4b5e57f6eb2f42b9039b3d1e13929295f231749c510cbe341cd68036d9af97e2.cpu_percent")
                .asDouble())
        .isEqualTo(1.87);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "-5m", "5", "1x", "0"})
  void badDurationIs400(String duration) {
    HttpResponse<String> r = api.get("/api/v1/query/agents/node-a/timeseries?duration=" + duration);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(r).get("error").asText()).isEqualTo("Invalid duration format");
  }

  @Test
  void timeseriesOfAnUnknownAgentIs404() {
    assertThat(api.get("/api/v1/query/agents/nobody/timeseries").statusCode()).isEqualTo(404);
  }

  @Test
  void statsFollowTheContract() {
    JsonNode s = TestServer.json(api.get("/api/v1/query/stats"));
    assertThat(s.get("agents").asInt()).isEqualTo(1);
    assertThat(s.get("agents_active").asInt()).isEqualTo(1);
    assertThat(s.get("agents_stale").asInt()).isZero();
    assertThat(s.get("websocket_clients").asInt()).isZero();
    assertThat(s.at("/storage/max_age").asText()).isEqualTo("1h0m0s");
    assertThat(s.at("/storage/resolution").asText()).isEqualTo("15s");
    assertThat(s.at("/storage/total_points").asLong()).isPositive();
    assertThat(s.at("/storage/memory_bytes").asLong()).isPositive();
    assertThat(s.at("/topology/nodes_by_type/process").asInt()).isEqualTo(2);
    assertThat(s.at("/topology/edges_by_type/network").asInt()).isEqualTo(1);
    assertThat(s.at("/ingest/reports_total").asLong()).isEqualTo(1);
    assertThat(s.get("uptime").asText()).matches("(\\d+h)?(\\d+m)?\\d+s");
    assertThat(s.get("uptime_seconds").isIntegralNumber()).isTrue();
  }

  @Test
  void unknownRouteIsAJson404() {
    HttpResponse<String> r = api.get("/api/v1/nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(r).get("error").asText()).contains("/api/v1/nope");
  }

  @Test
  void preflightOnAnyPathIs204WithCorsHeaders() {
    HttpResponse<String> r =
        api.send(
            HttpRequest.newBuilder(api.uri("/any/path/at/all"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://ui.example")
                .header("Access-Control-Request-Method", "POST")
                .build());
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(r.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValueSatisfying(v -> assertThat(v).contains("POST"));
    assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    assertThat(api.get("/health").headers().firstValue("Access-Control-Allow-Origin"))
        .contains("*");
  }
}
