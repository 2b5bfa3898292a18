package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's pings alone do not keep a connection: a client must answer them. A peer that has
 * gone away without closing (it answers nothing) is dropped after the idle timeout, although the
 * pings the server writes to it keep Jetty's own idle timer from firing.
 */
class SilentClientTest {
  private static final Duration IDLE = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final TestServer api = TestServer.start(b -> b.wsIdleTimeout(IDLE));

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void clientThatAnswersNoPingIsClosed() throws Exception {
    try (RawWebSocket silent = RawWebSocket.connect(api.server.port())) {
      await().atMost(WAIT).until(() -> api.server.websocketClients() == 0);

      assertThat(silent.readCloseCode()).isEqualTo(1001);
      assertThat(silent.serverHasClosed()).isTrue();
      long dropped =
          TestServer.json(api.get("/api/v1/query/stats")).get("websocket_clients_dropped").asLong();
      assertThat(dropped).isEqualTo(1);
    }
  }

  @Test
  void vanishedClientWithUnsentDataIsClosedAndCountedOnce() throws Exception {
    // A topology of several MB: the raw client's 4 KiB receive buffer and the server's send buffer
    // fill, so even the close frame cannot be written and the connection ends by Jetty's timeout.
    for (int i = 0; i < 6; i++) {
      api.post("/api/v1/reports", BigReports.report("big-" + i, 150, i));
    }
    try (RawWebSocket vanished = RawWebSocket.connect(api.server.port())) {
      await().atMost(WAIT).until(() -> api.server.websocketClients() == 0);

      long dropped =
          TestServer.json(api.get("/api/v1/query/stats")).get("websocket_clients_dropped").asLong();
      assertThat(dropped).isEqualTo(1);
      assertThat(vanished.isClosed()).isFalse(); // the server let go, not the test
    }
  }

  @Test
  void quietClientThatAnswersPingsStaysConnected() throws Exception {
    WsTestClient quiet = WsTestClient.connect(api.server.wsUri());
    try {
      // Pings go out every third of the idle timeout: six of them span two idle timeouts without
      // a single message from the client.
      await().atMost(WAIT).until(() -> quiet.pings.get() >= 6);

      assertThat(quiet.isOpen()).isTrue();
      assertThat(api.server.websocketClients()).isEqualTo(1);
      assertThat(
              TestServer.json(api.get("/api/v1/query/stats"))
                  .get("websocket_clients_dropped")
                  .asLong())
          .isZero();
    } finally {
      quiet.close();
    }
  }
}
