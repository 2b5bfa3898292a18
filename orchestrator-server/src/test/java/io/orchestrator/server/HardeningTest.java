package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Limits found by fuzzing the compatible server: registrations, and headers sent slowly. */
class HardeningTest {
  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.start(b -> b.headerTimeout(Duration.ofSeconds(2)));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String error(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(400);
    return TestServer.json(r).get("error").asText();
  }

  @Test
  void registrationsAreBoundedAndEachLimitIsNamed() {
    String hugeHost = "{\"agent_id\":\"big\",\"hostname\":\"" + "h".repeat(300_000) + "\"}";
    assertThat(error(api.post("/api/v1/agents/register", hugeHost)))
        .isEqualTo("hostname longer than 253 characters: 300000");
    StringBuilder meta = new StringBuilder("{\"agent_id\":\"m\",\"hostname\":\"h\",\"metadata\":{");
    for (int i = 0; i < 100_000; i++) {
      meta.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    assertThat(error(api.post("/api/v1/agents/register", meta + "}}")))
        .isEqualTo("metadata has more than 64 entries: 100000");
    assertThat(
            error(
                api.post(
                    "/api/v1/agents/register",
                    "{\"agent_id\":\"m\",\"hostname\":\"h\",\"metadata\":{\"k\":\""
                        + "v".repeat(2000)
                        + "\"}}")))
        .isEqualTo("metadata.k longer than 1024 characters: 2000");
    assertThat(
            error(
                api.post(
                    "/api/v1/agents/register", "{\"agent_id\":\"n\",\"hostname\":\"a\\u0000b\"}")))
        .isEqualTo("hostname must not contain control characters");
    assertThat(
            error(
                api.post(
                    "/api/v1/reports",
                    "{\"agent_id\":\"n\",\"hostname\":\"" + "x".repeat(300) + "\"}")))
        .contains("hostname longer than 253");
    assertThat(api.get("/api/v1/agents/list").body())
        .doesNotContain("\"big\"")
        .doesNotContain("\"m\"");
  }

  @Test
  void connectionsTricklingHeadersAreClosedAndBoundedPerAddress() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        Socket s = new Socket();
        s.connect(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), api.server.port()), 5_000);
        s.getOutputStream()
            .write(
                "GET /api/v1/ping HTTP/1.1\r\nHost: x\r\nX-Slow: "
                    .getBytes(StandardCharsets.US_ASCII));
        slow.add(s);
      }
      // Keep trickling (every byte would reset an idle timeout) until the server closes them.
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> slow.stream().allMatch(HardeningTest::closedWhileTrickling));
      assertThat(api.get("/api/v1/ping").statusCode()).isEqualTo(200);
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  /** Sends one more header byte; true once the server has closed the connection. */
  private static boolean closedWhileTrickling(Socket s) {
    try {
      OutputStream out = s.getOutputStream();
      out.write('x');
      out.flush();
      s.setSoTimeout(1);
      InputStream in = s.getInputStream();
      return in.read() < 0;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
