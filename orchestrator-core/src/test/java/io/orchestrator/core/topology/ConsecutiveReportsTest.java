package io.orchestrator.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.report.Report;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import org.junit.jupiter.api.Test;

/**
 * An agent's next report replaces its sub-graph whole, including when it keeps the processes and
 * sockets of the one before (whose extracted structure is then reused).
 */
class ConsecutiveReportsTest {
  private static final String WEB = Reports.containerId("web");
  private static final String DB = Reports.containerId("db");

  private final TopologyAggregator aggregator =
      new TopologyAggregator(MutableClock.atBucketStart());

  private static Reports nodeA(double cpu, String sshdName) {
    return nodeA(cpu, sshdName, WEB, null, "203.0.113.7");
  }

  /** {@code nodeA(10, "sshd")} with another container, sshd cgroup or sshd remote address. */
  private static Report variant(String container, String sshdCgroup, String sshdRemote) {
    return nodeA(10, "sshd", container, sshdCgroup, sshdRemote).build();
  }

  private static Reports nodeA(
      double cpu, String sshdName, String container, String sshdCgroup, String sshdRemote) {
    return Reports.agent("a")
        .host(cpu, 40)
        .container(container, "web", 1.5)
        .process(100, "nginx", "/docker/" + WEB)
        .process(200, sshdName, sshdCgroup)
        .connect(100, "10.0.0.5", "10.0.0.9", 5432)
        .connect(200, "10.0.0.5", sshdRemote, 443);
  }

  @Test
  void aReportWithTheSameSocketsShowsItsOwnValues() {
    assertThat(aggregator.apply(nodeA(10, "sshd").build())).isTrue();
    aggregator.snapshot();
    boolean shapeChanged = aggregator.apply(nodeA(55, "sshd").build());
    Topology t = aggregator.snapshot();

    assertThat(shapeChanged).as("a measurement alone is not a change of shape").isFalse();
    assertThat(t.nodes().get("a").metadata()).containsEntry("cpu_usage", 55.0);
    assertThat(t.edges()).containsKeys("a-100->10.0.0.9:5432-tcp", "a-200->203.0.113.7:443-tcp");
  }

  @Test
  void aRenamedProcessIsAChangeOfShapeEvenWhenNothingElseChanged() {
    aggregator.apply(nodeA(10, "sshd").build());
    assertThat(aggregator.apply(nodeA(10, "sshd-session").build())).isTrue();
    assertThat(aggregator.snapshot().nodes().get("a-200").name()).isEqualTo("sshd-session");
  }

  @Test
  void aProcessThatMovesIntoAContainerHangsUnderIt() {
    aggregator.apply(nodeA(10, "sshd").build());
    aggregator.apply(variant(WEB, "/docker/" + WEB, "203.0.113.7"));
    assertThat(aggregator.snapshot().nodes().get("a-200").parentId()).isEqualTo(WEB);
  }

  @Test
  void aReplacedContainerNoLongerParentsItsFormerProcesses() {
    aggregator.apply(nodeA(10, "sshd").build());
    aggregator.apply(variant(DB, null, "203.0.113.7"));
    assertThat(aggregator.snapshot().nodes().get("a-100").parentId()).isEqualTo("a");
  }

  @Test
  void aChangedConnectionChangesTheEdges() {
    aggregator.apply(nodeA(10, "sshd").build());
    assertThat(aggregator.apply(variant(WEB, null, "198.51.100.4"))).isTrue();
    assertThat(aggregator.snapshot().edges())
        .containsKey("a-200->198.51.100.4:443-tcp")
        .doesNotContainKey("a-200->203.0.113.7:443-tcp");
  }

  @Test
  void aNewListenerTurnsItsPortsSocketsIntoTheServerSide() {
    aggregator.apply(nodeA(10, "sshd").build());
    Report listening = nodeA(10, "sshd").listen(100, "0.0.0.0", 40_000).build();
    aggregator.apply(listening);
    assertThat(aggregator.snapshot().edges()).doesNotContainKey("a-100->10.0.0.9:5432-tcp");
  }
}
