package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the real Go probe sends comes back exactly; what no probe should send is refused. */
class RealProbeReportTest {
  private static final String REAL = TestServer.exampleText("report-real-probe.json");
  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.start(b -> b.maxBodySize(64 * 1024));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static HttpResponse<String> post(HttpRequest.Builder request, byte[] body) {
    return api.send(
        request
            .uri(api.uri("/api/v1/reports"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  @Test
  void theRealProbesReportComesBackWithTheSameKeysAndNumbers() {
    assertThat(api.post("/api/v1/reports", REAL).statusCode()).isEqualTo(202);
    String agent = TestServer.tree(REAL).get("agent_id").asText();
    HttpResponse<String> latest = api.get("/api/v1/query/agents/" + agent + "/latest");
    JsonNode served = TestServer.json(latest).get("report");
    JsonNode sent = TestServer.tree(REAL);
    // JsonNode equality tells 517 from 517.0 and a missing key from a null or zero one.
    assertThat(served).isEqualTo(sent);
    assertThat(served.at("/processes_info/processes/0/cpu_time").isIntegralNumber()).isTrue();
    assertThat(served.at("/processes_info/processes/0").has("cgroup")).isFalse();
    assertThat(served.at("/network_info/connections/0").has("pid")).isFalse();
    assertThat(served.at("/host_info/boot_time").asText())
        .isEqualTo("2026-12-02T18:14:27.38927587Z");
    assertThat(latest.body()).contains("\"cpu_time\":1240,");
  }

  @Test
  void eachOfManyReportsOfShrinkingSizeIsKeptExactlyAsItsOwnBytes() {
    // Request threads read bodies into a reused buffer: a shorter report after a longer one must
    // not come back with the longer one's tail, nor an earlier one change when the buffer does.
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String body =
          "{\"agent_id\":\"shrinking-"
              + i
              + "\",\"processes_info\":{\"processes\":[{\"pid\":7,\"cmdline\":\""
              + "x".repeat(60_000 - i * 1_500)
              + "\"}]}}";
      assertThat(api.post("/api/v1/reports", body).statusCode()).isEqualTo(202);
      sent.add(body);
    }
    for (int i = 0; i < sent.size(); i++) {
      JsonNode served =
          TestServer.json(api.get("/api/v1/query/agents/shrinking-" + i + "/latest")).get("report");
      assertThat(served).isEqualTo(TestServer.tree(sent.get(i)));
    }
  }

  @Test
  void reportUpdatesAndTheAgentListCarryTheReportAsReceived() {
    String body =
        "{\"agent_id\":\"exact\",\"timestamp\":\"2026-12-02T18:44:49.601552020Z\","
            + "\"processes_info\":{\"processes\":[{\"pid\":7,\"memory_mb\":517}]},"
            + "\"docker_info\":{\"containers\":[]},\"network_info\":{\"listening_ports\":null}}";
    assertThat(api.post("/api/v1/reports", body).statusCode()).isEqualTo(202);
    JsonNode list = TestServer.json(api.get("/api/v1/agents/list?include=last_report"));
    JsonNode mine = null;
    for (JsonNode a : list.get("agents")) {
      if (a.get("agent_id").asText().equals("exact")) {
        mine = a.get("last_report");
      }
    }
    assertThat(mine).isEqualTo(TestServer.tree(body));
    assertThat(mine.get("timestamp").asText()).endsWith(".601552020Z");
    assertThat(mine.at("/network_info").has("total_connections")).isFalse();
  }

  @Test
  void aDuplicateKeyIsRefusedAndNamedAndNothingIsStored() {
    HttpResponse<String> r =
        api.post("/api/v1/reports", "{\"agent_id\":\"dup-a\",\"agent_id\":\"dup-b\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(r).get("error").asText())
        .contains("duplicate key")
        .contains("agent_id");
    assertThat(api.get("/api/v1/query/agents/dup-b/latest").statusCode()).isEqualTo(404);
    assertThat(api.get("/api/v1/query/agents/dup-a/latest").statusCode()).isEqualTo(404);
  }

  @Test
  void aGzipBodyIsInflatedAndABombIsRefusedWith413() throws Exception {
    HttpResponse<String> ok =
        post(
            HttpRequest.newBuilder().header("Content-Encoding", "gzip"),
            gzip(TestServer.report("zipped")));
    assertThat(ok.statusCode()).isEqualTo(202);
    assertThat(api.get("/api/v1/query/agents/zipped/latest").statusCode()).isEqualTo(200);

    String bomb = "{\"agent_id\":\"bomb\",\"hostname\":\"" + " ".repeat(1 << 20) + "\"}";
    byte[] small = gzip(bomb);
    assertThat(small.length).isLessThan(64 * 1024);
    HttpResponse<String> refused =
        post(HttpRequest.newBuilder().header("Content-Encoding", "gzip"), small);
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(TestServer.json(refused).get("error").asText()).contains("gzip");

    HttpResponse<String> garbage =
        post(
            HttpRequest.newBuilder().header("Content-Encoding", "gzip"),
            TestServer.report("nozip").getBytes(StandardCharsets.UTF_8));
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(garbage).get("error").asText()).contains("gzip");
  }

  @Test
  void unknownEncodingsAndMediaTypesAre415NamingWhatIsTaken() {
    byte[] body = TestServer.report("enc").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> encoding =
        post(HttpRequest.newBuilder().header("Content-Encoding", "xyz"), body);
    assertThat(encoding.statusCode()).isEqualTo(415);
    assertThat(TestServer.json(encoding).get("error").asText()).contains("xyz").contains("gzip");
    HttpResponse<String> media =
        post(HttpRequest.newBuilder().header("Content-Type", "application/xml"), body);
    assertThat(media.statusCode()).isEqualTo(415);
    assertThat(TestServer.json(media).get("error").asText()).contains("application/json");
    HttpResponse<String> curlDefault =
        post(
            HttpRequest.newBuilder().header("Content-Type", "application/x-www-form-urlencoded"),
            body);
    assertThat(curlDefault.statusCode()).isEqualTo(202);
    assertThat(api.get("/api/v1/query/agents/enc/latest").statusCode()).isEqualTo(200);
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
