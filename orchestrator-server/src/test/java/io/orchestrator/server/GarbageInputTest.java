package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mangled versions of a real report: every answer is a 202 or a 4xx with a message, never a 500.
 */
class GarbageInputTest {
  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void mangledReportsNeverCauseA500() {
    mangle("/api/v1/reports", TestServer.fixture(), 400, 202);
    assertThat(
            TestServer.json(api.get("/api/v1/query/stats")).at("/ingest/reports_rejected").asLong())
        .isPositive();
  }

  @Test
  void mangledRegistrationsNeverCauseA500() {
    String valid =
        "{\"agent_id\":\"reg-1\",\"hostname\":\"host-1\",\"metadata\":{\"env\":\"prod\",\"zone\":\"a\"},"
            + "\"timestamp\":\"2025-10-14T22:44:38.001234567-07:00\"}";
    mangle("/api/v1/agents/register", valid, 400, 201, 200);
  }

  private static void mangle(String path, String valid, Integer... allowed) {
    String fixture = valid;
    Random rnd = new Random(20261127);
    String alphabet = "{}[]\":,0123456789.-eEtrufalsn \\x";
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder(fixture);
      int edits = 1 + rnd.nextInt(4);
      for (int e = 0; e < edits && sb.length() > 0; e++) {
        int at = rnd.nextInt(sb.length());
        switch (rnd.nextInt(3)) {
          case 0 -> sb.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
          case 1 -> sb.deleteCharAt(at);
          default -> sb.setLength(at);
        }
      }
      HttpResponse<String> r = api.post(path, sb.toString());
      assertThat(r.statusCode()).as("body %d: %s", i, sb).isIn((Object[]) allowed);
      if (r.statusCode() == 400) {
        assertThat(TestServer.json(r).get("error").asText()).isNotBlank();
      }
    }
  }
}
