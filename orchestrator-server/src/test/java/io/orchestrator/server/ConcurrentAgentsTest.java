package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentAgentsTest {
  @Test
  void manyAgentsReportingAtOnceAreAllAccountedFor() throws Exception {
    int agents = 40;
    int reportsEach = 10;
    try (TestServer api = TestServer.start()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
          String id = "agent-" + a;
          results.add(
              pool.submit(
                  () -> {
                    List<Integer> codes = new ArrayList<>();
                    codes.add(
                        api.post(
                                "/api/v1/agents/register",
                                "{\"agent_id\":\"" + id + "\",\"hostname\":\"h\"}")
                            .statusCode());
                    for (int r = 0; r < reportsEach; r++) {
                      codes.add(
                          api.post("/api/v1/reports", BigReports.report(id, 20, r)).statusCode());
                      codes.add(api.get("/api/v1/query/topology").statusCode());
                    }
                    return codes;
                  }));
        }
        for (Future<List<Integer>> f : results) {
          assertThat(f.get()).first().isEqualTo(201);
          assertThat(f.get()).filteredOn(c -> c != 201).containsOnly(202, 200);
        }
      } finally {
        pool.shutdown();
      }
      JsonNode stats = TestServer.json(api.get("/api/v1/query/stats"));
      assertThat(stats.get("agents").asInt()).isEqualTo(agents);
      assertThat(stats.at("/ingest/reports_total").asLong()).isEqualTo((long) agents * reportsEach);
      assertThat(stats.at("/topology/nodes_by_type/host").asInt()).isEqualTo(agents);
      assertThat(stats.at("/topology/nodes_by_type/process").asInt()).isEqualTo(agents * 20);
      for (int a = 0; a < agents; a++) {
        assertThat(api.get("/api/v1/query/agents/agent-" + a + "/latest").statusCode())
            .isEqualTo(200);
      }
    }
  }
}
