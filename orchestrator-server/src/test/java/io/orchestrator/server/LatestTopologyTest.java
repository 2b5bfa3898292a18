package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.Orchestrator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client slower than the topology pushes gets the latest topology, not a disconnect. */
class LatestTopologyTest {
  private static final int REPORTS = 40;

  private final Orchestrator orchestrator =
      Orchestrator.builder().pushInterval(Duration.ofMillis(10)).build();
  private final TestServer api =
      TestServer.around(orchestrator, b -> b.wsIdleTimeout(Duration.ofSeconds(20)).wsSendBuffer(4));

  @AfterEach
  void stop() {
    api.close();
    orchestrator.close();
  }

  @Test
  void clientThatFallsBehindSkipsToTheLatestTopology() throws Exception {
    try (RawWebSocket slow = RawWebSocket.connect(api.server.port())) {
      slow.sendText("{\"type\":\"subscribe\",\"payload\":{\"types\":[\"topology_update\"]}}");
      slow.sendText("{\"type\":\"ping\"}");
      List<JsonNode> frames = new ArrayList<>();
      // The pong proves the subscription is in place; what came before it is the initial topology.
      for (JsonNode f = read(slow); !f.path("type").asText().equals("pong"); f = read(slow)) {
        frames.add(f);
      }
      // ~40 topologies of up to 1 MB each while the client reads nothing: far more than its
      // socket buffers and its 4-frame backlog hold.
      for (int i = 0; i < REPORTS; i++) {
        api.post("/api/v1/reports", BigReports.report("agent-" + i, 150, i));
      }
      long latest = orchestrator.topology().version();

      long seen = 0;
      int topologies = 0;
      while (seen < latest) {
        JsonNode f = read(slow);
        assertThat(f.path("type").asText()).isEqualTo("topology_update");
        seen = f.at("/payload/version").asLong();
        topologies++;
      }
      assertThat(seen).isEqualTo(latest);
      assertThat(topologies).isLessThan(REPORTS);
      JsonNode stats = TestServer.json(api.get("/api/v1/query/stats"));
      assertThat(stats.get("websocket_clients_dropped").asLong()).isZero();
      assertThat(stats.get("websocket_clients").asInt()).isEqualTo(1);
      assertThat(frames).isNotEmpty();
    }
  }

  private static JsonNode read(RawWebSocket ws) throws Exception {
    return TestServer.JSON.readTree(ws.readText());
  }
}
