package io.orchestrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.topology.EdgeType;
import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProbeSimulatorTest {
  private final TestClock clock = TestClock.atBucketStart();

  @Test
  void sameSeedSameReports() {
    ProbeSimulator a = ProbeSimulator.builder("n").seed(9).clock(clock).build();
    ProbeSimulator b = ProbeSimulator.builder("n").seed(9).clock(clock).build();
    for (int i = 0; i < 3; i++) {
      assertThat(ProbeSimulator.toJson(a.nextReport()))
          .isEqualTo(ProbeSimulator.toJson(b.nextReport()));
    }
    ProbeSimulator other = ProbeSimulator.builder("n").seed(10).clock(clock).build();
    assertThat(ProbeSimulator.toJson(other.nextReport()))
        .isNotEqualTo(ProbeSimulator.toJson(a.nextReport()));
  }

  @Test
  void valuesDriftWithinRange() {
    ProbeSimulator p = ProbeSimulator.builder("n").clock(clock).build();
    double first = p.nextReport().hostInfo().cpuInfo().usage();
    boolean changed = false;
    for (int i = 0; i < 20; i++) {
      double cpu = p.nextReport().hostInfo().cpuInfo().usage();
      assertThat(cpu).isBetween(0.0, 100.0);
      changed |= cpu != first;
    }
    assertThat(changed).isTrue();
  }

  @Test
  void sizesShapeTheReport() {
    Report medium = ProbeSimulator.builder("n").size(ReportSize.MEDIUM).build().nextReport();
    assertThat(medium.dockerInfo().containers()).hasSize(10);
    assertThat(medium.processesInfo().processes()).hasSize(50);
    assertThat(medium.networkInfo().connections()).hasSize(100);
    Report custom =
        ProbeSimulator.builder("n").containers(0).processes(3).connections(1).build().nextReport();
    assertThat(custom.dockerInfo().containers()).isEmpty();
    assertThat(custom.processesInfo().processes()).hasSize(3);
    assertThat(ProbeSimulator.toJson(custom)).contains("\"agent_id\":\"n\"");
    assertThatThrownBy(() -> ProbeSimulator.builder("n").processes(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("processes must not be negative: -1");
  }

  @ParameterizedTest
  @EnumSource(ContainerRuntime.class)
  void everyRuntimeAndCgroupVersionLinksProcessesToContainers(ContainerRuntime runtime) {
    for (CgroupVersion version : CgroupVersion.values()) {
      try (Orchestrator o = Orchestrator.builder().build()) {
        ProbeSimulator p =
            ProbeSimulator.builder("n").runtime(runtime).cgroupVersion(version).build();
        o.ingest(p.nextReport());
        List<Node> processes = o.topology().nodes(NodeType.PROCESS);
        long inContainers =
            processes.stream().filter(n -> p.containerIds().contains(n.parentId())).count();
        assertThat(inContainers)
            .as("%s %s", runtime, version)
            .isEqualTo(processes.size() * 7L / 10);
      }
    }
  }

  @Test
  void fleetConnectsHostsToEachOthersServices() {
    try (Orchestrator o = Orchestrator.builder().build()) {
      List<ProbeSimulator> fleet = ProbeSimulator.fleet(4, 1, b -> b);
      fleet.forEach(p -> o.ingest(p.nextReport()));
      Topology t = o.topology();
      assertThat(t.nodes(NodeType.HOST)).hasSize(4);
      assertThat(t.edges().values())
          .filteredOn(e -> e.type() == EdgeType.NETWORK)
          .isNotEmpty()
          .allMatch(e -> e.target().matches("host-\\d+-1000"));
    }
  }

  @Test
  void httpNeedsAServer() {
    ProbeSimulator p = ProbeSimulator.builder("n").build();
    assertThatThrownBy(p::sendReport)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("forServer");
  }
}
