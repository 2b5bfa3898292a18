package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.Orchestrator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client that stops reading must be dropped without slowing anything else down. */
class BackPressureTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Orchestrator orchestrator = Orchestrator.builder().build();
  private final TestServer api =
      TestServer.around(orchestrator, b -> b.wsIdleTimeout(Duration.ofSeconds(5)).wsSendBuffer(64));

  @AfterEach
  void stop() {
    api.close();
    orchestrator.close();
  }

  @Test
  void clientThatNeverReadsIsDroppedWhileIngestAndOtherClientsCarryOn() throws Exception {
    try (RawWebSocket stalled = RawWebSocket.connect(api.server.port())) {
      WsTestClient reader = WsTestClient.connect(api.server.wsUri());
      try {
        // A UI-like client: topology updates, plus reports of one agent it watches.
        reader.send(
            "{\"type\":\"subscribe\",\"payload\":{\"types\":[\"topology_update\",\"report_update\"],"
                + "\"agents\":[\"last-one\"]}}");
        await().atMost(WAIT).until(() -> api.server.websocketClients() == 2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          String body = BigReports.report("load-" + (i % 20), 150, i);
          statuses.add(pool.submit(() -> api.post("/api/v1/reports", body).statusCode()));
        }
        for (Future<Integer> f : statuses) {
          assertThat(f.get()).isEqualTo(202);
        }
        pool.shutdown();

        api.post("/api/v1/reports", TestServer.report("last-one"));
        JsonNode last =
            reader.await(
                f ->
                    f.path("type").asText().equals("report_update")
                        && f.at("/payload/agent_id").asText().equals("last-one"),
                WAIT);
        assertThat(last).isNotNull();
        await().atMost(WAIT).until(() -> api.server.websocketClients() == 1);
        JsonNode stats = TestServer.json(api.get("/api/v1/query/stats"));
        assertThat(stats.get("websocket_clients_dropped").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.at("/ingest/reports_total").asLong()).isEqualTo(501);
        assertThat(reader.isOpen()).isTrue();
        assertThat(stalled.isClosed()).isFalse(); // the server dropped it, the test did not
      } finally {
        reader.close();
      }
    }
  }
}
