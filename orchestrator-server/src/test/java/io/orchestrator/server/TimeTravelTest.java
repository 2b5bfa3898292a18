package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.server.json.JsonReportCodec;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DESIGN §10 time travel with the in-memory storage: within -max-data-age. */
class TimeTravelTest {
  private final MutableClock clock = MutableClock.atBucketStart();
  private final Orchestrator orchestrator =
      Orchestrator.builder().clock(clock).reportCodec(JsonReportCodec.INSTANCE).build();
  private final TestServer api = TestServer.around(orchestrator, b -> b);

  @AfterEach
  void stop() {
    api.close();
    orchestrator.close();
  }

  private static String report(String agent, int... pids) {
    StringBuilder processes = new StringBuilder();
    for (int pid : pids) {
      processes.append(processes.length() == 0 ? "" : ",");
      processes.append("{\"pid\":").append(pid).append(",\"name\":\"p").append(pid).append("\"}");
    }
    return "{\"agent_id\":\""
        + agent
        + "\",\"processes_info\":{\"processes\":["
        + processes
        + "]}}";
  }

  @Test
  void topologyAndLatestAnswerAsTheyStoodAtAnInstant() {
    Instant t0 = clock.instant();
    api.post("/api/v1/reports", report("a", 1));
    clock.advance(Duration.ofMinutes(2));
    api.post("/api/v1/reports", report("a", 1, 2));
    api.post("/api/v1/reports", report("b", 7));

    JsonNode past = TestServer.json(api.get("/api/v1/query/topology?at=" + t0.plusSeconds(30)));
    assertThat(past.at("/topology/nodes").fieldNames()).toIterable().containsOnly("a", "a-1");
    assertThat(past.get("at").asText()).isEqualTo("2026-01-01T00:00:30Z");
    JsonNode now = TestServer.json(api.get("/api/v1/query/topology?at=" + clock.instant()));
    assertThat(now.at("/topology/nodes").fieldNames())
        .toIterable()
        .containsOnly("a", "a-1", "a-2", "b", "b-7");

    JsonNode latest =
        TestServer.json(api.get("/api/v1/query/agents/a/latest?at=" + t0.plusSeconds(60)));
    assertThat(latest.get("report")).isEqualTo(TestServer.tree(report("a", 1)));
    assertThat(latest.get("received_at").asText()).isEqualTo(t0.toString());
    assertThat(api.get("/api/v1/query/agents/b/latest?at=" + t0.plusSeconds(60)).statusCode())
        .isEqualTo(404);
  }

  @Test
  void agentsStaleAtTheInstantAreLeftOut() {
    Instant t0 = clock.instant();
    api.post("/api/v1/reports", report("gone", 1));
    clock.advance(Duration.ofMinutes(10));
    api.post("/api/v1/reports", report("here", 2));
    JsonNode now = TestServer.json(api.get("/api/v1/query/topology?at=" + clock.instant()));
    assertThat(now.at("/topology/nodes").fieldNames()).toIterable().containsOnly("here", "here-2");
    JsonNode then = TestServer.json(api.get("/api/v1/query/topology?at=" + t0.plusSeconds(1)));
    assertThat(then.at("/topology/nodes").fieldNames()).toIterable().containsOnly("gone", "gone-1");
  }

  @Test
  void instantsOutsideTheWindowOrMalformedAre400sThatSayWhy() {
    api.post("/api/v1/reports", report("a", 1));
    HttpResponse<String> old =
        api.get("/api/v1/query/topology?at=" + clock.instant().minus(Duration.ofHours(2)));
    assertThat(old.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(old).get("error").asText())
        .contains("oldest instant available")
        .contains(clock.instant().minus(Duration.ofHours(1)).toString());
    HttpResponse<String> future =
        api.get("/api/v1/query/agents/a/latest?at=" + clock.instant().plusSeconds(3600));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(future).get("error").asText()).contains("future");
    HttpResponse<String> garbage = api.get("/api/v1/query/topology?at=yesterday");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(garbage).get("error").asText()).contains("RFC 3339");
  }

  @Test
  void longRangesAnswerWithTheCoarserStepTheyUsed() {
    api.post("/api/v1/reports", TestServer.report("a"));
    JsonNode hour = TestServer.json(api.get("/api/v1/query/agents/a/timeseries?duration=1h"));
    assertThat(hour.get("resolution").asText()).isEqualTo("15s");
    JsonNode day = TestServer.json(api.get("/api/v1/query/agents/a/timeseries?duration=24h"));
    assertThat(day.get("resolution").asText()).isEqualTo("1m0s");
    assertThat(day.get("count").asInt()).isEqualTo(1);
  }
}
