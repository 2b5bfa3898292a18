package io.orchestrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The full workflow, from registration to queries, across several agents and every endpoint. */
class IntegrationTest {
  @RegisterExtension static OrchestratorExtension server = new OrchestratorExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private JsonNode get(String path, int expected) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(expected);
    return JSON.readTree(r.body());
  }

  @Test
  void registrationToQueriesAcrossAFleet() throws Exception {
    List<ProbeSimulator> fleet = ProbeSimulator.fleet(3, 11, b -> b.forServer(server.baseUri()));
    try (HubClient hub = HubClient.connect(server.wsUri())) {
      assertThat(hub.take(Duration.ofSeconds(10)).path("type").asText())
          .isEqualTo("topology_update");
      for (ProbeSimulator p : fleet) {
        assertThat(p.register()).isEqualTo(201);
        assertThat(p.heartbeat()).isEqualTo(200);
        assertThat(p.sendReport()).isEqualTo(202);
      }
      hub.await(
          "report_update",
          p -> p.path("agent_id").asText().equals("host-2"),
          Duration.ofSeconds(10));
      hub.await("topology_update", p -> p.path("nodes").has("host-2"), Duration.ofSeconds(10));
    }

    assertThat(get("/health", 200).path("status").asText()).isEqualTo("healthy");
    assertThat(get("/api/v1/ping", 200).path("pong").asBoolean()).isTrue();
    assertThat(get("/api/v1/agents/config/host-0", 200).path("collection_interval").asText())
        .isEqualTo("15s");
    JsonNode agents = get("/api/v1/agents/list", 200);
    assertThat(agents.path("count").asInt()).isEqualTo(3);
    assertThat(agents.at("/agents/0/metadata/simulated").asText()).isEqualTo("true");

    JsonNode topo = get("/api/v1/query/topology", 200).path("topology");
    assertThat(topo.at("/nodes/host-0/type").asText()).isEqualTo("host");
    assertThat(topo.path("edges").toString()).contains("\"target\":\"host-1-1000\"");

    JsonNode latest = get("/api/v1/query/agents/host-1/latest", 200);
    assertThat(latest.at("/report/agent_id").asText()).isEqualTo("host-1");
    JsonNode ts = get("/api/v1/query/agents/host-1/timeseries?duration=5m&scope=all", 200);
    assertThat(ts.path("count").asInt()).isEqualTo(1);
    assertThat(ts.at("/points/0/metrics").size()).isGreaterThan(11);

    JsonNode stats = get("/api/v1/query/stats", 200);
    assertThat(stats.path("agents").asInt()).isEqualTo(3);
    assertThat(stats.at("/ingest/reports_total").asLong()).isEqualTo(3);
    assertThat(stats.at("/topology/nodes_by_type/host").asInt()).isEqualTo(3);
  }
}
