package io.orchestrator.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.report.Report;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A topology kept up to date one report at a time equals the one built from scratch out of the same
 * latest reports, whatever the order of reports and removals: the incremental assembly re-resolves
 * every edge a change can affect. The fleet is small and its addresses few, so that agents keep
 * claiming, sharing and dropping each other's addresses, listeners, client sockets and container
 * ids.
 */
class IncrementalTopologyTest {
  // an address with the index key's separator in it must not confuse which address a key names
  private static final String[] IPS = {
    "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4|5", "127.0.0.1"
  };
  private static final int[] PORTS = {80, 5432, 8080};
  private static final int AGENTS = 6;
  private static final int STEPS = 80;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void everySnapshotEqualsTheTopologyBuiltFromScratch(long seed) {
    Random rnd = new Random(seed);
    MutableClock clock = MutableClock.atBucketStart();
    TopologyAggregator incremental = new TopologyAggregator(clock);
    Map<String, Report> latest = new HashMap<>();
    for (int step = 0; step < STEPS; step++) {
      String agent = "agent-" + rnd.nextInt(AGENTS);
      if (rnd.nextInt(8) == 0) {
        incremental.remove(agent);
        latest.remove(agent);
      } else {
        Report r = randomReport(agent, rnd);
        incremental.apply(r);
        latest.put(agent, r);
      }
      if (rnd.nextInt(3) > 0) { // sometimes several changes fold into one snapshot
        assertSameTopology(incremental.snapshot(), fromScratch(latest, clock), seed, step);
      }
    }
    assertSameTopology(incremental.snapshot(), fromScratch(latest, clock), seed, STEPS);
  }

  @Test
  void partsIterateAsTheTopologyAndAnUnchangedAgentKeepsItsPartsMaps() {
    TopologyAggregator aggregator = new TopologyAggregator(MutableClock.atBucketStart());
    aggregator.apply(client());
    aggregator.apply(server().build());
    Topology before = aggregator.snapshot();
    aggregator.apply(server().listen(300, "0.0.0.0", 8080).build());
    Topology after = aggregator.snapshot();

    for (Topology t : List.of(before, after)) {
      List<String> nodeIds = new ArrayList<>();
      List<String> edgeKeys = new ArrayList<>();
      t.parts().forEach(p -> nodeIds.addAll(p.nodes().keySet()));
      t.parts().forEach(p -> edgeKeys.addAll(p.edges().keySet()));
      assertThat(nodeIds).containsExactlyElementsOf(t.nodes().keySet());
      assertThat(edgeKeys).containsExactlyElementsOf(t.edges().keySet());
    }
    Topology.Part clientBefore = partWith(before, "a");
    Topology.Part clientAfter = partWith(after, "a");
    assertThat(clientAfter.nodes()).isSameAs(clientBefore.nodes());
    assertThat(clientAfter.edges()).isSameAs(clientBefore.edges());
    assertThat(partWith(after, "b").nodes()).isNotSameAs(partWith(before, "b").nodes());
    assertThatThrownBy(() -> clientAfter.nodes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static Topology.Part partWith(Topology t, String nodeId) {
    return t.parts().stream().filter(p -> p.nodes().containsKey(nodeId)).findFirst().orElseThrow();
  }

  @Test
  void aWildcardListenerThatAppearsLaterTakesOverTheEdgesToItsHost() {
    TopologyAggregator aggregator = new TopologyAggregator(MutableClock.atBucketStart());
    aggregator.apply(client());
    aggregator.apply(server().build());
    assertThat(aggregator.snapshot().edges()).containsKey("a-100->b-tcp");

    aggregator.apply(server().listen(300, "0.0.0.0", 5432).build());

    assertThat(aggregator.snapshot().edges())
        .containsKey("a-100->b-300-tcp")
        .doesNotContainKey("a-100->b-tcp");
  }

  @Test
  void anEdgeTwoAgentsCountSumsTheirConnectionsUntilOneLeaves() {
    TopologyAggregator aggregator = new TopologyAggregator(MutableClock.atBucketStart());
    aggregator.apply(client());
    // b accepted the connection on another of its addresses: its side does not mirror a's
    Report accepted =
        server()
            .listen(300, "10.0.0.9", 5432)
            .socket("tcp", 300, "10.0.0.10", 5432, "10.0.0.5", 40_000, "ESTABLISHED")
            .build();
    aggregator.apply(accepted);
    assertThat(aggregator.snapshot().edges().get("a-100->b-300-tcp").connections()).isEqualTo(2);

    aggregator.apply(accepted);
    assertThat(aggregator.snapshot().edges().get("a-100->b-300-tcp").connections()).isEqualTo(2);

    aggregator.remove("b");
    assertThat(aggregator.snapshot().edges()).doesNotContainKey("a-100->b-300-tcp");
    aggregator.apply(accepted);
    aggregator.remove("a");
    assertThat(aggregator.snapshot().edges())
        .doesNotContainKey("a-100->b-300-tcp")
        .containsKey("10.0.0.5->b-300-tcp");
  }

  private static Report client() {
    return Reports.agent("a")
        .host(1, 1)
        .process(100, "psql", null)
        .connect(100, "10.0.0.5", "10.0.0.9", 5432)
        .build();
  }

  private static Reports server() {
    return Reports.agent("b")
        .host(1, 1)
        .process(200, "sshd", null)
        .process(300, "postgres", null)
        .listen(200, "10.0.0.9", 22);
  }

  private static Topology fromScratch(Map<String, Report> latest, MutableClock clock) {
    TopologyAggregator fresh = new TopologyAggregator(clock);
    latest.values().forEach(fresh::apply);
    return fresh.snapshot();
  }

  private static void assertSameTopology(Topology actual, Topology expected, long seed, int step) {
    String where = "seed " + seed + ", step " + step;
    assertThat(new TreeMap<>(actual.nodes())).as(where).isEqualTo(new TreeMap<>(expected.nodes()));
    assertThat(new TreeMap<>(actual.edges())).as(where).isEqualTo(new TreeMap<>(expected.edges()));
    assertThat(actual.nodes()).as(where).hasSize(expected.nodes().size());
    assertThat(actual.edges()).as(where).hasSize(expected.edges().size());
    expected.nodes().forEach((id, n) -> assertThat(actual.nodes().get(id)).as(where).isEqualTo(n));
  }

  private static Report randomReport(String agent, Random rnd) {
    Reports r = Reports.agent(agent).host(rnd.nextInt(100), 50);
    String container = Reports.containerId("c" + rnd.nextInt(3)); // shared across agents
    r.container(container, "c", 1);
    int processes = 1 + rnd.nextInt(3);
    for (int p = 1; p <= processes; p++) {
      r.process(p * 100, "proc" + p, p == 1 ? "/docker/" + container : null);
    }
    int sockets = rnd.nextInt(6);
    for (int s = 0; s < sockets; s++) {
      int pid = (1 + rnd.nextInt(processes + 1)) * 100; // sometimes a pid nobody reported
      String local = pick(IPS, rnd);
      String remote = pick(IPS, rnd);
      int port = PORTS[rnd.nextInt(PORTS.length)];
      switch (rnd.nextInt(4)) {
        case 0 -> r.listen(pid, rnd.nextBoolean() ? "0.0.0.0" : local, port);
        case 1 -> r.socket("tcp", pid, local, port, remote, 40_000 + rnd.nextInt(3), "ESTAB");
        default -> r.socket("tcp", pid, local, 40_000 + rnd.nextInt(3), remote, port, "ESTAB");
      }
    }
    return r.build();
  }

  private static String pick(String[] values, Random rnd) {
    return values[rnd.nextInt(values.length)];
  }
}
