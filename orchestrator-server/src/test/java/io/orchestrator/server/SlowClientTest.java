package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that stops mid-request (slow-loris) is disconnected and holds nothing up. */
class SlowClientTest {
  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.start(b -> b.httpIdleTimeout(Duration.ofMillis(500)));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static boolean closedByServer(Socket s) throws Exception {
    s.setSoTimeout(10_000);
    InputStream in = s.getInputStream();
    try {
      while (in.read() >= 0) {
        // drain whatever error response the server sends before closing
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  private Socket connect() throws Exception {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), api.server.port()), 5_000);
    return s;
  }

  @Test
  void halfSentHeadersAreCutOffAtTheIdleTimeout() throws Exception {
    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      out.write(
          "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(api.get("/health").statusCode()).isEqualTo(200);
      assertThat(closedByServer(s)).isTrue();
    }
  }

  @Test
  void stalledBodyIsCutOffAndStoresNothing() throws Exception {
    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      String head =
          String.join(
              "\r\n",
              "POST /api/v1/reports HTTP/1.1",
              "Host: 127.0.0.1",
              "Content-Length: 5000",
              "",
              "");
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write("{\"agent_id\":\"slowpoke\",".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(closedByServer(s)).isTrue();
    }
    assertThat(api.get("/api/v1/query/agents/slowpoke/latest").statusCode()).isEqualTo(404);
  }
}
