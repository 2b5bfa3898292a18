package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orchestrator.postgres.LocalDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §8: no secret ever reaches a log. The jar runs with every kind of secret (admin key, JWT
 * secret, database password) and the access log on standard output; the test uses an API key, a
 * JWT, an access_token and failing credentials, then reads everything the process wrote.
 */
class SecretsJarIT {
  private static final String ADMIN = "admin-key-that-must-not-leak-0001";
  private static final String DB_PASSWORD = "db-password-that-must-not-leak";
  private static final String HOOK_PASSWORD = "webhook-password-that-must-not-leak";

  @Test
  void noSecretAppearsInAnyOutput() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String jwt = Tokens.role("viewer");
    String apiKey;
    try (LocalDatabase db = new LocalDatabase();
        JarProcess jar =
            JarProcess.start(
                Map.of(
                    "ORCHESTRATOR_ADMIN_KEY",
                    ADMIN,
                    "ORCHESTRATOR_JWT_SECRET",
                    Tokens.SECRET,
                    "ORCHESTRATOR_DATABASE_USER",
                    "postgres",
                    "ORCHESTRATOR_DATABASE_PASSWORD",
                    DB_PASSWORD),
                "-host",
                "127.0.0.1",
                "-port",
                "0",
                "-auth",
                "on",
                "-access-log",
                "stdout",
                "-storage",
                "postgres",
                "-database-url",
                db.url() + "?password=" + DB_PASSWORD + "&ApplicationName=secrets",
                "-alert-interval",
                "1s",
                // Nothing listens on port 1: every delivery fails and is logged.
                "-alert-webhook",
                "http://alice:" + HOOK_PASSWORD + "@127.0.0.1:1/hook")) {
      HttpResponse<String> created =
          send(
              http,
              jar.uri("/api/v1/admin/keys"),
              "Bearer " + ADMIN,
              "{\"name\":\"p\",\"role\":\"probe\"}");
      assertThat(created.statusCode()).isEqualTo(201);
      apiKey = TestServer.json(created).get("key").asText();
      assertThat(
              send(http, jar.uri("/api/v1/reports"), "Bearer " + apiKey, TestServer.report("s"))
                  .statusCode())
          .isEqualTo(202);
      assertThat(get(http, jar.uri("/api/v1/query/stats"), "Bearer " + jwt).statusCode())
          .isEqualTo(200);
      assertThat(get(http, jar.uri("/api/v1/query/stats"), "Bearer " + apiKey + "x").statusCode())
          .isEqualTo(401);
      assertThat(
              get(http, jar.uri("/api/v1/query/stats?access_token=" + apiKey), null).statusCode())
          .isEqualTo(401);
      WebSocket ws =
          http.newWebSocketBuilder()
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + jar.port() + "/api/v1/ws?access_token=" + jwt),
                  new WebSocket.Listener() {})
              .get(10, TimeUnit.SECONDS);
      ws.abort();
      assertThat(get(http, jar.uri("/metrics"), "Bearer " + jwt).body()).doesNotContain(ADMIN);
      HttpResponse<String> rule =
          http.send(
              HttpRequest.newBuilder(jar.uri("/api/v1/alerts/rules/AnyHost"))
                  .header("Authorization", "Bearer " + ADMIN)
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"query\":\"type:host\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(rule.statusCode()).isEqualTo(201);
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  TestServer.json(get(http, jar.uri("/api/v1/query/stats"), "Bearer " + jwt))
                          .at("/alerts/notifications_failed")
                          .asInt()
                      > 0);
      jar.process.destroy();
      assertThat(jar.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = jar.output();
      assertThat(output).contains("\"path\":\"/api/v1/ws\"").contains("access_token=***");
      assertThat(output).contains("webhook http://127.0.0.1:1/hook"); // named, without credentials
      for (String secret :
          List.of(
              ADMIN, Tokens.SECRET, DB_PASSWORD, HOOK_PASSWORD, jwt, apiKey, apiKey.substring(3))) {
        assertThat(output).as("output holds a secret").doesNotContain(secret);
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, URI uri, String auth) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(HttpClient http, URI uri, String auth, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Authorization", auth)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
