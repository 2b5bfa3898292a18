package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orchestrator.postgres.PostgresConfig;
import io.orchestrator.postgres.PrivatePostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §10, database down while running: writes are 503 with Retry-After, /health is 503, queries
 * answer from memory, and writes are taken again when it returns, with no restart.
 */
class StorageOutageTest {
  private static final String PASSWORD = "outage-pw";
  private static PrivatePostgres pg;
  private static TestServer api;

  @BeforeAll
  static void start() throws Exception {
    pg = PrivatePostgres.start(PASSWORD);
    PostgresConfig db =
        PostgresConfig.builder(pg.url()).user("postgres").password(PASSWORD).build();
    api = TestServer.start(b -> b.storage(StorageConfig.postgres(db)));
  }

  @AfterAll
  static void stop() {
    api.close();
    pg.close();
  }

  @Test
  void writesAre503WhileTheDatabaseIsDownAndTakenAgainWhenItIsBack() throws Exception {
    assertThat(api.post("/api/v1/reports", TestServer.report("before")).statusCode())
        .isEqualTo(202);
    pg.stopServer();

    HttpResponse<String> refused =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> api.post("/api/v1/reports", TestServer.report("during")),
                r -> r.statusCode() == 503);
    assertThat(TestServer.json(refused).get("error").asText()).startsWith("storage unavailable:");
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
    assertThat(
            api.post("/api/v1/agents/register", "{\"agent_id\":\"r\",\"hostname\":\"h\"}")
                .statusCode())
        .isEqualTo(503);
    HttpResponse<String> health = api.get("/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(TestServer.json(health).get("status").asText()).isEqualTo("unhealthy");
    assertThat(health.body()).doesNotContain(PASSWORD);
    assertThat(api.get("/api/v1/query/agents/before/latest").statusCode()).isEqualTo(200);
    assertThat(api.get("/api/v1/query/topology").statusCode()).isEqualTo(200);

    pg.startServer();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.post("/api/v1/reports", TestServer.report("after")).statusCode() == 202);
    assertThat(api.get("/health").statusCode()).isEqualTo(200);
  }
}
