package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests Jetty refuses before any route sees them still get the API's error shape: a status and
 * {@code {"error": "..."}} as JSON, not an HTML page.
 */
class ProtocolErrorTest {
  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "malformed percent-encoding | GET /api/v1/query/agents/%ZZ/latest HTTP/1.1\\r\\nHost: x | 400"
            + " | Bad Request",
        "no Host header | GET /health HTTP/1.1 | 400 | No Host",
        "control character in the path | GET /he\\u0001alth HTTP/1.1\\r\\nHost: x | 400 | Illegal",
        "unknown HTTP version | GET /health HTTP/9.9\\r\\nHost: x | 505 | Unknown Version",
        "non-numeric Content-Length | POST /api/v1/reports HTTP/1.1\\r\\nHost: x\\r\\nContent-Length:"
            + " abc | 400 | Content-Length",
      })
  void refusedRequestIsAJsonError(String what, String head, int status, String message)
      throws IOException {
    String request = head.replace("\\r\\n", "\r\n").replace("\\u0001", "\u0001") + "\r\n\r\n";
    String response = RawHttp.exchange(api.server.port(), request);

    assertThat(response).startsWith("HTTP/1.1 " + status + " ");
    assertThat(response.toLowerCase(Locale.ROOT)).contains("content-type: application/json");
    JsonNode body = TestServer.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    assertThat(body.get("error").asText()).contains(message);
  }

  @ParameterizedTest(name = "headers of {0} bytes")
  @CsvSource({"20000", "100000"})
  void oversizedHeadersAreAJson431(int size) throws IOException {
    String response =
        RawHttp.exchange(
            api.server.port(),
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(size) + "\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 431 ");
    JsonNode body = TestServer.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    assertThat(body.get("error").asText()).isEqualTo("Request Header Fields Too Large");
  }
}
