package io.orchestrator.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.report.Report;
import io.orchestrator.nats.PrivateNats;
import io.orchestrator.postgres.LocalDatabase;
import io.orchestrator.testkit.HubClient;
import io.orchestrator.testkit.ProbeSimulator;
import io.orchestrator.testkit.ReportSize;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three replica processes on the machine's PostgreSQL and a NATS of the test's own, behind HAProxy
 * (DESIGN §11): one is killed with SIGKILL under the load of 1,000 probes, NATS goes away and comes
 * back, and a replica joins late. Nothing acknowledged may be missing anywhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int PROBES = 1_000;

  private static LocalDatabase db;
  private static PrivateNats nats;
  private static final List<ReplicaProcess> replicas = new ArrayList<>();
  private static Haproxy haproxy;

  @BeforeAll
  static void startCluster() throws Exception {
    db = new LocalDatabase();
    nats = PrivateNats.start();
    for (String id : List.of("r1", "r2", "r3")) {
      replicas.add(ReplicaProcess.start(id, db.url(), nats.url()));
    }
    haproxy = Haproxy.start(replicas);
    for (ReplicaProcess r : replicas) {
      await().atMost(WAIT).until(() -> Http.get(r.base(), "/health").status() == 200);
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                Http.get(replicas.get(0).base(), "/api/v1/cluster").body().path("members").size()
                    == 3);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (haproxy != null) {
      haproxy.close();
    }
    for (ReplicaProcess r : replicas) {
      r.close();
    }
    if (nats != null) {
      nats.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  @Order(1)
  void aReplicaKilledUnderLoadLosesNoAcknowledgedReport() throws Exception {
    List<HubClient> feeds = new ArrayList<>();
    for (int i = 0; i < 3; i++) { // round robin: one on each replica
      HubClient c = HubClient.connectWithReconnect(ws(haproxy.base()));
      c.subscribe(List.of("report_update"), List.of());
      feeds.add(c);
    }
    Map<String, Instant> acked = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService senders = drive(acked, running);
    await().atMost(WAIT).until(() -> acked.size() >= PROBES / 2);
    ReplicaProcess leader = leader();
    long killedAt = System.nanoTime();
    Instant killed = Instant.now();
    leader.kill();
    List<ReplicaProcess> survivors = new ArrayList<>(replicas);
    survivors.remove(leader);
    await().atMost(WAIT).until(() -> survivors.stream().anyMatch(ClusterTest::leads));
    System.out.printf(
        "cluster figure: lease taken over %d ms after SIGKILL of %s%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt), leader.nodeId);
    for (HubClient c : feeds) {
      c.await("report_update", p -> sentAfter(p, killed), Duration.ofSeconds(60));
    }
    running.set(false);
    senders.shutdown();
    assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(feeds.stream().mapToInt(HubClient::reconnects).sum())
        .as("the client on the killed replica resumed on another")
        .isPositive();
    feeds.forEach(HubClient::close);
    for (ReplicaProcess r : survivors) {
      await().atMost(WAIT).until(() -> missing(r.base(), acked).isEmpty());
    }
    await()
        .atMost(WAIT)
        .alias("the survivors' topology ETags agree, so a 304 holds behind HAProxy")
        .until(() -> etag(survivors.get(0)).equals(etag(survivors.get(1))));
    replicas.remove(leader);
    ReplicaProcess late = ReplicaProcess.start("r4", db.url(), nats.url());
    replicas.add(late);
    await().atMost(WAIT).until(() -> Http.get(late.base(), "/health").status() == 200);
    assertThat(missing(late.base(), acked)).as("in PostgreSQL: a late replica has them").isEmpty();
  }

  @Test
  @Order(2)
  void aNatsOutageDelaysButLosesNothing() throws Exception {
    ReplicaProcess a = replicas.get(0);
    ReplicaProcess b = replicas.get(1);
    nats.kill();
    ProbeSimulator probe = ProbeSimulator.builder("outage-1").forServer(a.base()).build();
    Report report = probe.nextReport();
    assertThat(Http.post(a.base(), "/api/v1/reports", ProbeSimulator.toJson(report)))
        .as("accepted durably without NATS")
        .isEqualTo(202);
    nats.startServer();
    await()
        .atMost(WAIT)
        .until(() -> Http.get(b.base(), "/api/v1/query/agents/outage-1/latest").status() == 200);
  }

  private static ExecutorService drive(Map<String, Instant> acked, AtomicBoolean running) {
    List<ProbeSimulator> fleet =
        ProbeSimulator.fleet(PROBES, 7, b -> b.size(ReportSize.SMALL).forServer(haproxy.base()));
    ExecutorService senders = Executors.newFixedThreadPool(16);
    for (int t = 0; t < 16; t++) {
      List<ProbeSimulator> mine = new ArrayList<>();
      for (int i = t; i < fleet.size(); i += 16) {
        mine.add(fleet.get(i));
      }
      senders.execute(
          () -> {
            while (running.get()) {
              for (ProbeSimulator p : mine) {
                Report r = p.nextReport();
                int status = p.send(ProbeSimulator.toJson(r));
                if (status == 202 && r.timestamp() != null) {
                  acked.put(p.agentId(), r.timestamp().toInstant());
                }
              }
            }
          });
    }
    return senders;
  }

  /** The agents whose latest report on {@code base} is older than their last acknowledged one. */
  private static List<String> missing(URI base, Map<String, Instant> acked) {
    List<String> out = new ArrayList<>();
    acked.forEach(
        (agent, at) -> {
          Http.Answer a = Http.get(base, "/api/v1/query/agents/" + agent + "/latest");
          String ts = a.body().path("report").path("timestamp").asText("");
          if (a.status() != 200
              || ts.isEmpty()
              || OffsetDateTime.parse(ts).toInstant().isBefore(at)) {
            out.add(agent);
          }
        });
    return out;
  }

  private static boolean sentAfter(JsonNode update, Instant t) {
    String ts = update.path("report").path("timestamp").asText("");
    return !ts.isEmpty() && OffsetDateTime.parse(ts).toInstant().isAfter(t);
  }

  private static String etag(ReplicaProcess r) {
    return Http.etag(r.base(), "/api/v1/query/topology");
  }

  private static ReplicaProcess leader() {
    return replicas.stream().filter(ClusterTest::leads).findFirst().orElseThrow();
  }

  private static boolean leads(ReplicaProcess r) {
    return Http.get(r.base(), "/api/v1/cluster").body().path("leader").asBoolean(false);
  }

  private static URI ws(URI http) {
    return URI.create(http.toString().replaceFirst("^http", "ws") + "/api/v1/ws");
  }
}
