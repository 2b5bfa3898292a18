package io.orchestrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.OrchestratorStats;
import io.orchestrator.core.series.SeriesQuery;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Concurrent probes: every report accounted for, and reads during writes all succeed. */
class LoadTest {
  private final TestClock clock = TestClock.atBucketStart();

  @RegisterExtension
  OrchestratorExtension server = new OrchestratorExtension().engine(b -> b.clock(clock));

  @ParameterizedTest(name = "{0} probes x {1} reports")
  @CsvSource({"5, 10", "200, 10"})
  void everyReportIsAccountedFor(int probes, int reportsEach) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    List<ProbeSimulator> fleet =
        ProbeSimulator.fleet(
            probes, 3, b -> b.forServer(server.baseUri()).httpClient(client).clock(clock));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      Future<List<Integer>> reader = pool.submit(() -> readWhileWriting(client, writing));
      List<Future<List<Integer>>> writers = new ArrayList<>();
      for (ProbeSimulator p : fleet) {
        writers.add(
            pool.submit(
                () -> {
                  List<Integer> codes = new ArrayList<>();
                  for (int r = 0; r < reportsEach; r++) {
                    codes.add(p.sendReport());
                  }
                  return codes;
                }));
      }
      for (Future<List<Integer>> w : writers) {
        assertThat(w.get()).containsOnly(202);
      }
      writing.set(false);
      assertThat(reader.get()).isNotEmpty().containsOnly(200);
    } finally {
      pool.shutdownNow();
    }

    OrchestratorStats stats = server.orchestrator().stats();
    assertThat(stats.reportsTotal()).isEqualTo((long) probes * reportsEach);
    assertThat(stats.agents()).isEqualTo(probes);
    for (ProbeSimulator p : fleet) {
      assertThat(p.counters().accepted()).isEqualTo(reportsEach);
      assertThat(server.orchestrator().latestReport(p.agentId())).isPresent();
      // every report landed in the one 15 s bucket of the frozen clock
      assertThat(
              server
                  .orchestrator()
                  .series()
                  .query(p.agentId(), SeriesQuery.hostMetrics(Duration.ofMinutes(1)))
                  .orElseThrow())
          .hasSize(1);
    }
  }

  private List<Integer> readWhileWriting(HttpClient client, AtomicBoolean writing)
      throws Exception {
    List<Integer> codes = new ArrayList<>();
    String[] paths = {"/api/v1/query/topology", "/api/v1/query/stats", "/api/v1/agents/list"};
    while (writing.get() || codes.isEmpty()) {
      for (String path : paths) {
        codes.add(
            client
                .send(
                    HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode());
      }
    }
    return codes;
  }
}
