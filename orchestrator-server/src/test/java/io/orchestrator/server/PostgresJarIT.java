package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.postgres.LocalDatabase;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §10 with the jar as a process on the machine's PostgreSQL: every acknowledged report
 * survives a {@code kill -9}, and a bad database setting is a clear message and exit code.
 */
class PostgresJarIT {
  private static final Map<String, String> ENV = Map.of("ORCHESTRATOR_DATABASE_USER", "postgres");
  private static LocalDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = new LocalDatabase();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  private static JarProcess start() throws Exception {
    return JarProcess.start(
        ENV,
        "-host",
        "127.0.0.1",
        "-port",
        "0",
        "-storage",
        "postgres",
        "-database-url",
        database.url());
  }

  private static String report(String agent, int seq) {
    return "{\"agent_id\":\""
        + agent
        + "\",\"timestamp\":\"2026-12-02T18:44:49.601552020Z\","
        + "\"host_info\":{\"cpu_info\":{\"model\":\"x\",\"cores\":4,\"usage\":"
        + seq
        + ".5}},"
        + "\"processes_info\":{\"processes\":[{\"pid\":"
        + (seq + 1)
        + ",\"memory_mb\":517}]}}";
  }

  @Test
  void everyAcknowledgedReportIsBackAfterAKillNine() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger sent = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    try (JarProcess jar = start()) {
      HttpResponse<String> reg =
          send(
              http,
              jar,
              "/api/v1/agents/register",
              "{\"agent_id\":\"reg\",\"hostname\":\"reg.host\",\"metadata\":{\"rack\":\"r7\"}}");
      assertThat(reg.statusCode()).isEqualTo(201);
      String registeredAt = agent(http, jar, "reg").get("registered_at").asText();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      for (int t = 0; t < 16; t++) {
        int thread = t;
        pool.execute(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                String agent = "crash-" + thread + "-" + i;
                String body = report(agent, sent.incrementAndGet());
                try {
                  if (send(http, jar, "/api/v1/reports", body).statusCode() == 202) {
                    acknowledged.put(agent, body);
                  }
                } catch (Exception e) {
                  return; // the server is gone
                }
              }
            });
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 400);
      jar.kill(); // while the burst is still going
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      try (JarProcess again = start()) {
        for (Map.Entry<String, String> e : acknowledged.entrySet()) {
          HttpResponse<String> latest =
              get(http, again, "/api/v1/query/agents/" + e.getKey() + "/latest");
          assertThat(latest.statusCode()).as(e.getKey()).isEqualTo(200);
          assertThat(TestServer.json(latest).get("report"))
              .isEqualTo(TestServer.tree(e.getValue()));
        }
        JsonNode reg2 = agent(http, again, "reg");
        assertThat(reg2.get("registered_at").asText()).isEqualTo(registeredAt);
        assertThat(reg2.at("/metadata/rack").asText()).isEqualTo("r7");
        String some = acknowledged.keySet().iterator().next();
        JsonNode series =
            TestServer.json(
                get(http, again, "/api/v1/query/agents/" + some + "/timeseries?scope=all"));
        assertThat(series.get("count").asInt()).isEqualTo(1);
        assertThat(series.at("/points/0/metrics")).isNotEmpty();
        JsonNode topology = TestServer.json(get(http, again, "/api/v1/query/topology"));
        assertThat(topology.at("/topology/nodes").has(some)).isTrue();
        assertThat(again.output()).contains("Resumed");
      }
    }
  }

  @Test
  void aMalformedUrlIsExitTwoAndAnUnreachableDatabaseExitOneNeverAStackTrace() throws Exception {
    JarProcess bad =
        JarProcess.run(ENV, "-storage", "postgres", "-database-url", "postgres://nope/db");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.output()).contains("database-url").doesNotContain("\tat ");
    JarProcess missing = JarProcess.run(ENV, "-storage", "postgres");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.output()).contains("-storage postgres needs -database-url");

    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    JarProcess down =
        JarProcess.run(
            Map.of("ORCHESTRATOR_DATABASE_PASSWORD", "do-not-print-me"),
            "-storage",
            "postgres",
            "-port",
            "0",
            "-database-url",
            "jdbc:postgresql://127.0.0.1:" + closed + "/x");
    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(down.output())
        .contains("cannot connect to jdbc:postgresql://127.0.0.1:" + closed)
        .doesNotContain("\tat ")
        .doesNotContain("do-not-print-me");
  }

  private static JsonNode agent(HttpClient http, JarProcess jar, String id) throws Exception {
    JsonNode list = TestServer.json(get(http, jar, "/api/v1/agents/list"));
    List<JsonNode> found = new ArrayList<>();
    list.get("agents")
        .forEach(
            a -> {
              if (a.get("agent_id").asText().equals(id)) {
                found.add(a);
              }
            });
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static HttpResponse<String> get(HttpClient http, JarProcess jar, String path)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(jar.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(
      HttpClient http, JarProcess jar, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(jar.uri(path))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
