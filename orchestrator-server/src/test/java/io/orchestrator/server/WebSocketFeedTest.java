package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.Orchestrator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketFeedTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Orchestrator orchestrator =
      Orchestrator.builder().pushInterval(Duration.ofMillis(50)).build();
  private final TestServer api =
      TestServer.around(orchestrator, b -> b.wsIdleTimeout(Duration.ofSeconds(3)));
  private final List<WsTestClient> clients = new ArrayList<>();

  @AfterEach
  void stop() {
    clients.forEach(WsTestClient::close);
    api.close();
    orchestrator.close();
  }

  private WsTestClient connect() throws InterruptedException {
    WsTestClient c = WsTestClient.connect(api.server.wsUri());
    clients.add(c);
    return c;
  }

  private int statsClients() {
    return TestServer.json(api.get("/api/v1/query/stats")).get("websocket_clients").asInt();
  }

  @Test
  void connectingClientFirstReceivesTheTopology() throws Exception {
    api.post("/api/v1/reports", TestServer.fixture());
    WsTestClient c = connect();
    JsonNode first = c.frames.poll(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(first).isNotNull();
    assertThat(first.get("type").asText()).isEqualTo("topology_update");
    assertThat(first.at("/payload/nodes/node-a/type").asText()).isEqualTo("host");
    assertThat(first.at("/payload/version").asLong()).isPositive();
    assertThat(first.at("/payload/edges").isObject()).isTrue();
  }

  @Test
  void compressingAndPlainClientsReceiveTheSameSharedFrames() throws Exception {
    api.post("/api/v1/reports", TestServer.fixture());
    WsTestClient plain = connect();
    WsTestClient compressing = WsTestClient.connectCompressing(api.server.wsUri());
    clients.add(compressing);
    assertThat(compressing.getConnection().getDraft().toString()).contains("PerMessageDeflate");
    JsonNode a = plain.awaitType("topology_update", WAIT);
    JsonNode b = compressing.awaitType("topology_update", WAIT);
    assertThat(b).isEqualTo(a);
    api.post("/api/v1/reports", TestServer.report("shared"));
    assertThat(compressing.awaitType("report_update", WAIT))
        .isEqualTo(plain.awaitType("report_update", WAIT));
  }

  @Test
  void acceptedReportsArePushedAsReportAndTopologyUpdates() throws Exception {
    WsTestClient c = connect();
    c.awaitType("topology_update", WAIT);
    api.post("/api/v1/reports", TestServer.report("pusher"));
    JsonNode report = c.awaitType("report_update", WAIT);
    assertThat(report.at("/payload/agent_id").asText()).isEqualTo("pusher");
    assertThat(report.at("/payload/report/host_info/cpu_info/cores").asInt()).isEqualTo(4);
    JsonNode topo =
        c.await(
            f ->
                f.path("type").asText().equals("topology_update")
                    && f.at("/payload/nodes/pusher").isObject(),
            WAIT);
    assertThat(topo.at("/payload/nodes/pusher/name").asText()).isEqualTo("pusher.example");
  }

  @Test
  void applicationPingIsAnsweredWithPong() throws Exception {
    WsTestClient c = connect();
    c.send("{\"type\":\"ping\"}");
    JsonNode pong = c.awaitType("pong", WAIT);
    assertThat(pong.at("/payload/timestamp").asText()).isNotBlank();
  }

  @Test
  void invalidMessagesGetAnErrorAndTheConnectionStaysOpen() throws Exception {
    WsTestClient c = connect();
    c.send("{not json");
    assertThat(c.awaitType("error", WAIT).at("/payload/message").asText())
        .startsWith("invalid JSON");
    c.send("{\"type\":\"dance\"}");
    assertThat(c.awaitType("error", WAIT).at("/payload/message").asText()).contains("dance");
    c.send("{\"type\":\"subscribe\",\"payload\":{\"types\":[\"nope\"]}}");
    assertThat(c.awaitType("error", WAIT).at("/payload/message").asText()).contains("nope");
    c.send("{\"type\":\"subscribe\",\"payload\":{\"types\":\"report_update\"}}");
    assertThat(c.awaitType("error", WAIT).at("/payload/message").asText())
        .isEqualTo("subscribe: payload.types must be an array");
    c.send("{\"type\":\"subscribe\",\"payload\":{\"agents\":{\"a\":1}}}");
    assertThat(c.awaitType("error", WAIT).at("/payload/message").asText())
        .isEqualTo("subscribe: payload.agents must be an array");
    c.send("{\"type\":\"ping\"}");
    c.awaitType("pong", WAIT);
    assertThat(c.isOpen()).isTrue();
  }

  @Test
  void subscribeNarrowsTypesAndAgents() throws Exception {
    WsTestClient c = connect();
    c.awaitType("topology_update", WAIT);
    c.send(
        "{\"type\":\"subscribe\",\"payload\":{\"types\":[\"report_update\"],\"agents\":[\"b\"]}}");
    c.send("{\"type\":\"ping\"}");
    c.awaitType("pong", WAIT);
    api.post("/api/v1/reports", TestServer.report("a"));
    api.post("/api/v1/reports", TestServer.report("b"));
    JsonNode next = c.await(f -> !f.path("type").asText().equals("pong"), WAIT);
    assertThat(next.get("type").asText()).isEqualTo("report_update");
    assertThat(next.at("/payload/agent_id").asText()).isEqualTo("b");
    c.send("{\"type\":\"ping\"}");
    c.awaitType("pong", WAIT);
    assertThat(c.frames).noneMatch(f -> f.path("type").asText().equals("topology_update"));
  }

  @Test
  void clientsAreCountedAndForgottenWhenTheyLeave() throws Exception {
    WsTestClient a = connect();
    WsTestClient b = connect();
    await().atMost(WAIT).until(() -> statsClients() == 2);
    a.closeBlocking();
    await().atMost(WAIT).until(() -> statsClients() == 1);
    b.closeBlocking();
    await().atMost(WAIT).until(() -> statsClients() == 0);
    assertThat(orchestrator.hub().stats().subscribers()).isZero();
  }

  @Test
  void clientThatVanishesWithoutACloseFrameIsForgotten() throws Exception {
    WsTestClient c = connect();
    await().atMost(WAIT).until(() -> statsClients() == 1);
    c.getSocket().close(); // TCP gone, no close handshake
    await().atMost(WAIT).until(() -> statsClients() == 0);
    assertThat(orchestrator.hub().stats().subscribers()).isZero();
  }

  @Test
  void plainGetOfTheFeedIsTold426UpgradeRequired() {
    java.net.http.HttpResponse<String> r = api.get("/api/v1/ws");
    assertThat(r.statusCode()).isEqualTo(426);
    assertThat(r.headers().firstValue("upgrade")).hasValue("websocket");
    assertThat(TestServer.json(r).get("error").asText()).contains("WebSocket");
  }

  @Test
  void upgradeHandsOutNoSessionCookie() throws Exception {
    try (RawWebSocket ws = RawWebSocket.connect(api.server.port())) {
      assertThat(ws.handshake())
          .startsWith("HTTP/1.1 101")
          .doesNotContainIgnoringCase("set-cookie");
    }
  }

  @Test
  void shutdownClosesClientsWithGoingAway() throws Exception {
    WsTestClient c = connect();
    c.awaitType("topology_update", WAIT);
    api.close();
    await().atMost(WAIT).until(() -> c.closeCode.get() == 1001);
  }
}
