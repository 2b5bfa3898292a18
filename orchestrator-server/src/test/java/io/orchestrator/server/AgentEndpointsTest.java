package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentEndpointsTest {
  /** A clock the test moves; the engine reads last_seen and staleness from it. */
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static final MutableClock clock = MutableClock.atBucketStart();
  private static Orchestrator orchestrator;
  private static TestServer api;

  @BeforeAll
  static void start() {
    orchestrator = Orchestrator.builder().clock(clock).build();
    api = TestServer.around(orchestrator, b -> b);
  }

  @AfterAll
  static void stop() {
    api.close();
    orchestrator.close();
  }

  @BeforeEach
  void reset() {
    clock.set(START);
    orchestrator.clear();
  }

  @Test
  void registrationIs201ThenReRegistrationIs200() {
    String body =
        "{\"agent_id\":\"a1\",\"hostname\":\"host-1\",\"metadata\":{\"env\":\"prod\"},\"timestamp\":\"2025-10-14T22:44:38.001234567-07:00\"}";
    HttpResponse<String> first = api.post("/api/v1/agents/register", body);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(TestServer.json(first).get("status").asText()).isEqualTo("registered");
    assertThat(TestServer.json(first).get("message").asText())
        .isEqualTo("Agent a1 registered successfully");
    assertThat(api.post("/api/v1/agents/register", body.replace("prod", "dev")).statusCode())
        .isEqualTo(200);
    JsonNode agent = TestServer.json(api.get("/api/v1/agents/list")).get("agents").get(0);
    assertThat(agent.get("metadata").get("env").asText()).isEqualTo("dev");
    assertThat(agent.get("registered_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"hostname\":\"h\"}",
        "{\"agent_id\":\"\",\"hostname\":\"h\"}",
        "{\"agent_id\":\"a\"}",
        "{\"agent_id\":\"a\",\"hostname\":\"  \"}",
        "{\"agent_id\":\"a\",\"hostname\":5}",
        "{\"agent_id\":\"a\",\"hostname\":\"h\",\"metadata\":[1]}",
        "{\"agent_id\":\"a\",\"hostname\":\"h\",\"metadata\":{\"k\":null}}",
        "{\"agent_id\":\"a\",\"hostname\":\"h\",\"metadata\":{\"k\":{}}}",
        "{\"agent_id\":\"a\",\"hostname\":\"h\"",
        "null",
      })
  void invalidRegistrationIs400AndRegistersNothing(String body) {
    HttpResponse<String> r = api.post("/api/v1/agents/register", body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(r).get("error").asText()).isNotBlank();
    assertThat(TestServer.json(api.get("/api/v1/agents/list")).get("count").asInt()).isZero();
  }

  @Test
  void heartbeatIs200ForKnownAndUnknownAgents() {
    api.post("/api/v1/agents/register", "{\"agent_id\":\"a1\",\"hostname\":\"h\"}");
    clock.advance(Duration.ofSeconds(30));
    HttpResponse<String> known = api.post("/api/v1/agents/heartbeat/a1", "{\"whatever\":1}");
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(known).get("status").asText()).isEqualTo("ok");
    assertThat(TestServer.json(known).get("known").asBoolean()).isTrue();
    assertThat(TestServer.json(known).get("timestamp").asText()).isNotBlank();
    assertThat(TestServer.json(api.get("/api/v1/agents/list")).at("/agents/0/last_seen").asText())
        .isEqualTo("2026-01-01T00:00:30Z");
    HttpResponse<String> unknown = api.post("/api/v1/agents/heartbeat/ghost", "");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(unknown).get("known").asBoolean()).isFalse();
  }

  @Test
  void configListsIntervalsAndCollectors() {
    JsonNode c = TestServer.json(api.get("/api/v1/agents/config/a1"));
    assertThat(c.get("agent_id").asText()).isEqualTo("a1");
    assertThat(c.get("collection_interval").asText()).isEqualTo("15s");
    assertThat(c.get("heartbeat_interval").asText()).isEqualTo("60s");
    assertThat(c.get("enabled_collectors")).isNotEmpty();
  }

  @Test
  void listIsSortedWithStatusAndOptionallyTheLastReport() {
    api.post("/api/v1/reports", TestServer.report("zulu"));
    api.post("/api/v1/agents/register", "{\"agent_id\":\"alpha\",\"hostname\":\"h\"}");
    clock.advance(Duration.ofMinutes(6));
    api.post("/api/v1/agents/heartbeat/alpha", "");
    JsonNode list = TestServer.json(api.get("/api/v1/agents/list"));
    assertThat(list.get("count").asInt()).isEqualTo(2);
    List<String> ids = new ArrayList<>();
    list.get("agents").forEach(a -> ids.add(a.get("agent_id").asText()));
    assertThat(ids).containsExactly("alpha", "zulu");
    assertThat(list.at("/agents/0/status").asText()).isEqualTo("active");
    assertThat(list.at("/agents/1/status").asText()).isEqualTo("stale");
    assertThat(list.at("/agents/1/last_report_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(list.at("/agents/1/last_report").isMissingNode()).isTrue();

    JsonNode full = TestServer.json(api.get("/api/v1/agents/list?include=last_report"));
    assertThat(full.at("/agents/1/last_report/host_info/cpu_info/usage").asDouble())
        .isEqualTo(12.5);
  }
}
