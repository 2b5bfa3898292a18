package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.report.Report;
import io.orchestrator.server.json.WireJson;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportEndpointTest {
  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.start(b -> b.maxBodySize(64 * 1024));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void fullFixtureIsAcceptedAndServedBackAsReceived() throws Exception {
    HttpResponse<String> r = api.post("/api/v1/reports", TestServer.fixture());
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(TestServer.json(r).get("status").asText()).isEqualTo("accepted");
    assertThat(TestServer.json(r).get("message").asText())
        .isEqualTo("Report processed successfully");

    HttpResponse<String> latest = api.get("/api/v1/query/agents/node-a/latest");
    assertThat(latest.statusCode()).isEqualTo(200);
    JsonNode body = TestServer.json(latest);
    assertThat(body.get("agent_id").asText()).isEqualTo("node-a");
    assertThat(body.get("received_at").asText()).isNotBlank();
    Report sent =
        WireJson.read(
            new ByteArrayInputStream(TestServer.fixture().getBytes(StandardCharsets.UTF_8)),
            Report.class);
    Report served =
        WireJson.read(
            new ByteArrayInputStream(
                body.get("report").toString().getBytes(StandardCharsets.UTF_8)),
            Report.class);
    assertThat(served).isEqualTo(sent);
    JsonNode report = body.get("report");
    assertThat(report.at("/host_info/uptime").asLong()).isEqualTo(864000123456789L);
    assertThat(report.at("/host_info/boot_time").asText())
        .isEqualTo("2025-10-04T22:44:37.446333211-07:00");
    assertThat(report.at("/docker_info/containers/1/labels").isEmpty()).isTrue();
  }

  @Test
  void firstReportRegistersItsAgent() {
    assertThat(api.post("/api/v1/reports", TestServer.report("implicit-1")).statusCode())
        .isEqualTo(202);
    JsonNode agents = TestServer.json(api.get("/api/v1/agents/list")).get("agents");
    JsonNode found = null;
    for (JsonNode a : agents) {
      if (a.get("agent_id").asText().equals("implicit-1")) {
        found = a;
      }
    }
    assertThat(found).isNotNull();
    assertThat(found.get("hostname").asText()).isEqualTo("implicit-1.example");
    assertThat(found.get("status").asText()).isEqualTo("active");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "malformed JSON       | {\"agent_id\":                                   | malformed JSON at line 1",
        "null body            | null                                             | must be a JSON object, not null",
        "array body           | []                                               | expected a JSON object",
        "blank agent id       | {\"agent_id\":\"  \"}                            | agent_id must not be blank",
        "missing agent id     | {\"hostname\":\"h\"}                             | agent_id must not be blank",
        "agent id with slash  | {\"agent_id\":\"a/b\"}                           | agent_id must not contain",
        "number as string     | {\"agent_id\":\"a\",\"host_info\":{\"uptime\":\"5\"}} | host_info.uptime: expected an integer, got a string",
        "fractional integer   | {\"agent_id\":\"a\",\"processes_info\":{\"processes\":[{\"pid\":1.5}]}} | processes_info.processes[0].pid: expected an integer, got 1.5",
        "string for string    | {\"agent_id\":7}                                 | agent_id: expected a string",
        "port out of range    | {\"agent_id\":\"a\",\"network_info\":{\"connections\":[{\"local_port\":1,\"remote_port\":70000}]}} | network_info.connections[0].remote_port out of range 0..65535: 70000",
        "negative port        | {\"agent_id\":\"a\",\"network_info\":{\"listening_ports\":[{\"port\":-1}]}} | network_info.listening_ports[0].port out of range",
        "huge integer         | {\"agent_id\":\"a\",\"processes_info\":{\"total_processes\":99999999999999}} | processes_info.total_processes: number out of range",
        "invalid timestamp    | {\"agent_id\":\"a\",\"timestamp\":\"yesterday\"}   | timestamp: invalid RFC 3339 timestamp",
        "timestamp w/o offset | {\"agent_id\":\"a\",\"timestamp\":\"2025-10-14T22:44:38\"} | timestamp: invalid RFC 3339 timestamp",
        "object for array     | {\"agent_id\":\"a\",\"docker_info\":{\"containers\":{}}} | docker_info.containers: expected an array or null",
        "trailing garbage     | {\"agent_id\":\"a\"} x                            | malformed JSON",
      })
  void badReportIsA400NamingTheProblemAndChangesNothing(String name, String body, String message) {
    api.post("/api/v1/reports", TestServer.report("keeper"));
    String before = api.get("/api/v1/query/agents/keeper/latest").body();
    long rejected =
        TestServer.json(api.get("/api/v1/query/stats")).at("/ingest/reports_rejected").asLong();

    HttpResponse<String> r = api.post("/api/v1/reports", body);

    assertThat(r.statusCode()).as(name).isEqualTo(400);
    assertThat(TestServer.json(r).get("error").asText()).as(name).contains(message);
    assertThat(api.get("/api/v1/query/agents/keeper/latest").body()).isEqualTo(before);
    assertThat(api.get("/api/v1/query/agents/a/latest").statusCode()).isEqualTo(404);
    assertThat(
            TestServer.json(api.get("/api/v1/query/stats")).at("/ingest/reports_rejected").asLong())
        .isEqualTo(rejected + 1);
  }

  @Test
  void emptyBodyIsA400() {
    HttpResponse<String> r = api.post("/api/v1/reports", "");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(r).get("error").asText()).isEqualTo("request body is empty");
  }

  @Test
  void pathologicalNestingIsA400NotAStackOverflow() {
    String deep = "{\"agent_id\":\"a\",\"x\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
    HttpResponse<String> r = api.post("/api/v1/reports", deep);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(r).get("error").asText()).contains("nested too deeply");
  }

  @Test
  void bodyOverTheLimitIsA413WithOrWithoutContentLength() {
    String big = "{\"agent_id\":\"a\",\"hostname\":\"" + "x".repeat(100_000) + "\"}";
    HttpResponse<String> declared = api.post("/api/v1/reports", big);
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(TestServer.json(declared).get("error").asText()).contains("larger than 65536 bytes");

    assertThat(api.send(streamed(big)).statusCode()).isEqualTo(413);
    assertThat(api.get("/api/v1/query/agents/a/latest").statusCode()).isEqualTo(404);
  }

  @Test
  void refusedBodyIsReadToItsEndSoTheClientGetsTheAnswerAndKeepsItsConnection() {
    String big = "{\"agent_id\":\"a\",\"hostname\":\"" + "x".repeat(100_000) + "\"}";
    String malformed = "{\"agent_id\":\"a\",," + " ".repeat(100_000) + "}";
    // Streamed, so the client is still sending when the server refuses: answering and closing
    // then would fail the client's next write and lose the answer (a race; hence the rounds).
    for (int round = 0; round < 20; round++) {
      for (String body : List.of(big, malformed)) {
        HttpResponse<String> refused = api.send(streamed(body));
        assertThat(refused.statusCode()).isIn(400, 413);
        assertThat(refused.headers().firstValue("connection")).isEmpty();
        assertThat(api.get("/health").statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void bodyFarOverTheLimitIsRefusedAndItsConnectionClosed() throws Exception {
    String body = "{\"agent_id\":\"a\",\"hostname\":\"" + "x".repeat(300_000) + "\"}";
    String request =
        "POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(body.length())
            + "\r\n"
            + body
            + "\r\n0\r\n\r\n";
    // The server stops reading past twice the limit and closes: the rest may not go out.
    String response = RawHttp.exchange(api.server.port(), request);
    assertThat(response).startsWith("HTTP/1.1 413 ").containsIgnoringCase("connection: close");
  }

  private HttpRequest streamed(String body) {
    return HttpRequest.newBuilder(api.uri("/api/v1/reports"))
        .POST(
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
        .build();
  }

  @Test
  void latestOfAnUnknownAgentIs404() {
    HttpResponse<String> r = api.get("/api/v1/query/agents/nobody/latest");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(r).get("error").asText()).contains("nobody");
  }
}
