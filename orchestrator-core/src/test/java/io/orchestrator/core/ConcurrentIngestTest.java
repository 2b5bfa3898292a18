package io.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.report.Report;
import io.orchestrator.core.testing.Reports;
import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.EdgeType;
import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Many writers and readers at once: every snapshot a reader sees must be consistent. */
class ConcurrentIngestTest {
  private static final int WRITERS = 6;
  private static final int AGENTS = 60;
  private static final int REPORTS_PER_WRITER = 1_500;

  /** A report whose shape varies with {@code seed}: containers and processes come and go. */
  static Report randomReport(String agent, Random rnd) {
    Reports r =
        Reports.agent(agent).host(rnd.nextDouble() * 100, rnd.nextDouble() * 100).processes();
    int containers = rnd.nextInt(4);
    List<String> ids = new ArrayList<>();
    for (int c = 0; c < containers; c++) {
      String id = Reports.containerId(agent + "-c" + rnd.nextInt(6));
      if (!ids.contains(id)) {
        ids.add(id);
        r.container(id, "c" + c, rnd.nextDouble());
      }
    }
    int processes = 1 + rnd.nextInt(10);
    for (int p = 1; p <= processes; p++) {
      String cgroup =
          ids.isEmpty() || rnd.nextBoolean() ? null : "/docker/" + ids.get(rnd.nextInt(ids.size()));
      r.process(p * 10 + rnd.nextInt(3), "proc", cgroup);
    }
    int ip = Math.floorMod(agent.hashCode(), 200) + 1;
    r.socket("tcp", 10, "10.1.0." + ip, 8080, "0.0.0.0", 0, "LISTEN");
    for (int c = 0; c < rnd.nextInt(6); c++) {
      r.connect(
          rnd.nextBoolean() ? 10 : 0, "10.1.0." + ip, "10.1.0." + (1 + rnd.nextInt(200)), 8080);
    }
    return r.build();
  }

  @Test
  void everySnapshotIsConsistentUnderConcurrentIngest() throws Exception {
    try (Orchestrator o = Orchestrator.builder().build()) {
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
      AtomicBoolean writing = new AtomicBoolean(true);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int seed = w;
        writers.add(
            pool.submit(
                () -> {
                  Random rnd = new Random(seed);
                  for (int i = 0; i < REPORTS_PER_WRITER; i++) {
                    o.ingest(randomReport("agent-" + rnd.nextInt(AGENTS), rnd));
                  }
                }));
      }
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(
            pool.submit(
                () -> {
                  int checked = 0;
                  long lastVersion = -1;
                  while (writing.get() || checked == 0) {
                    Topology t = o.topology();
                    assertThat(t.version()).isGreaterThanOrEqualTo(lastVersion);
                    lastVersion = t.version();
                    checkInvariants(t);
                    checked++;
                  }
                  return checked;
                }));
      }
      for (Future<?> f : writers) {
        f.get();
      }
      writing.set(false);
      for (Future<Integer> f : readers) {
        assertThat(f.get()).isPositive();
      }
      pool.shutdown();
      checkInvariants(o.topology());
      assertThat(o.stats().reportsTotal()).isEqualTo((long) WRITERS * REPORTS_PER_WRITER);
      assertThat(o.topology().nodes().values().stream().filter(n -> n.type() == NodeType.HOST))
          .hasSize(AGENTS);
    }
  }

  static void checkInvariants(Topology t) {
    int parentEdges = 0;
    for (Node n : t.nodes().values()) {
      if (n.type() == NodeType.HOST) {
        assertThat(n.parentId()).isNull();
      } else {
        assertThat(t.nodes()).as("parent of %s", n.id()).containsKey(n.parentId());
        assertThat(t.edges()).containsKey(n.parentId() + "->" + n.id());
        parentEdges++;
      }
    }
    int parentChild = 0;
    for (var e : t.edges().entrySet()) {
      Edge edge = e.getValue();
      assertThat(e.getKey()).isEqualTo(edge.key());
      assertThat(t.nodes()).as("source of %s", e.getKey()).containsKey(edge.source());
      if (edge.type() == EdgeType.PARENT_CHILD) {
        parentChild++;
        assertThat(t.nodes()).containsKey(edge.target());
      } else {
        assertThat(edge.connections()).isPositive();
        boolean raw = edge.target().matches("[0-9.]+:[0-9]+");
        assertThat(raw || t.nodes().containsKey(edge.target()))
            .as("target of %s", e.getKey())
            .isTrue();
      }
    }
    assertThat(parentChild).isEqualTo(parentEdges);
  }
}
