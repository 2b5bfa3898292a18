package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orchestrator.core.Orchestrator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {
  private static boolean accepting(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void inFlightReportFinishesAndIsStoredWhileNewConnectionsAreRefused() throws Exception {
    try (Orchestrator orchestrator = Orchestrator.builder().build()) {
      TestServer api =
          TestServer.around(orchestrator, b -> b.shutdownGrace(Duration.ofSeconds(20)));
      int port = api.server.port();
      byte[] body = TestServer.report("in-flight").getBytes(StandardCharsets.UTF_8);
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        OutputStream out = s.getOutputStream();
        String head =
            String.join(
                "\r\n",
                "POST /api/v1/reports HTTP/1.1",
                "Host: 127.0.0.1",
                "Content-Type: application/json",
                "Content-Length: " + body.length,
                "",
                "");
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.server.inFlightRequests() == 1);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(api::close);
        // Quickly: during shutdown Jetty closes connections idle for 1 s, ours included.
        await()
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(5))
            .atMost(Duration.ofSeconds(10))
            .until(() -> !accepting(port));
        assertThat(closing).isNotDone();

        out.write(body, body.length / 2, body.length - body.length / 2);
        out.flush();
        InputStream in = s.getInputStream();
        String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(status).isEqualTo("HTTP/1.1 202");
        closing.get();
      }
      assertThat(orchestrator.latestReport("in-flight")).isPresent();
    }
  }

  @Test
  void webSocketClientsAreToldFirstSoTheirPingsDoNotHoldTheStop() throws Exception {
    // Pings every 300 ms keep the connection from ever being idle for the 1 s after which Jetty's
    // stop closes connections itself; left to Jetty, the stop would wait out the whole grace.
    TestServer api =
        TestServer.start(
            b -> b.wsIdleTimeout(Duration.ofMillis(900)).shutdownGrace(Duration.ofSeconds(30)));
    WsTestClient client = WsTestClient.connect(api.server.wsUri());
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> client.pings.get() >= 2);

      api.close();

      await().atMost(Duration.ofSeconds(10)).until(() -> client.closeCode.get() == 1001);
      assertThat(client.closeReason.get()).isEqualTo("server shutting down");
    } finally {
      client.close();
    }
  }
}
