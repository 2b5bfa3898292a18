package io.orchestrator.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportValidationTest {

  private static Report withNetwork(List<Connection> connections, List<ListeningPort> listening) {
    return new Report(
        "a", null, null, null, null, null, new NetworkInfo(connections, 0, 0, 0, listening, null));
  }

  private static Connection conn(int localPort, int remotePort) {
    return new Connection(
        "tcp", "10.0.0.1", localPort, "10.0.0.2", remotePort, "ESTABLISHED", 1, "x");
  }

  @Test
  void blankAgentIdIsRejectedByName() {
    assertThatThrownBy(() -> new Report(" ", null, null, null, null, null, null))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("agent_id must not be blank")
        .extracting(e -> ((InvalidReportException) e).field())
        .isEqualTo("agent_id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"with space", "tab\tid", "slash/id", "ctl\u0001"})
  void agentIdWithForbiddenCharactersIsRejected(String id) {
    assertThatThrownBy(() -> new Report(id, null, null, null, null, null, null))
        .hasMessageStartingWith("agent_id must not contain whitespace");
  }

  @Test
  void overlongAgentIdIsRejected() {
    char[] id = new char[254];
    Arrays.fill(id, 'a');
    assertThatThrownBy(() -> new Report(new String(id), null, null, null, null, null, null))
        .hasMessage("agent_id longer than 253 characters: 254");
    char[] ok = new char[253];
    Arrays.fill(ok, 'a');
    assertThat(new Report(new String(ok), null, null, null, null, null, null).agentId())
        .hasSize(253);
  }

  @Test
  void outOfRangePortNamesItsIndexAndValue() {
    List<Connection> conns = List.of(conn(1, 2), conn(3, 4), conn(5, 6), conn(7, 70_000));
    assertThatThrownBy(() -> withNetwork(conns, List.of()))
        .hasMessage("network_info.connections[3].remote_port out of range 0..65535: 70000");
  }

  @Test
  void negativeLocalPortAndListeningPortAreRejected() {
    assertThatThrownBy(() -> withNetwork(List.of(conn(-1, 2)), List.of()))
        .hasMessage("network_info.connections[0].local_port out of range 0..65535: -1");
    assertThatThrownBy(
            () ->
                withNetwork(
                    List.of(), List.of(new ListeningPort("tcp", 65_536, "0.0.0.0", 0, null))))
        .hasMessage("network_info.listening_ports[0].port out of range 0..65535: 65536");
  }

  @Test
  void nullElementsInArraysAreNamed() {
    assertThatThrownBy(() -> withNetwork(Arrays.asList(conn(1, 2), null), List.of()))
        .hasMessage("network_info.connections[1] must not be null");
  }

  @Test
  void nullArraysAndMapsBecomeEmpty() {
    Report r = withNetwork(null, null);
    assertThat(r.networkInfo().connections()).isEmpty();
    assertThat(r.networkInfo().listeningPorts()).isEmpty();
    Container c = new Container("id", "n", "i", "x", "s", "running", null, null, null, null);
    assertThat(c.ports()).isEmpty();
    assertThat(c.labels()).isEmpty();
    assertThat(new ProcessesInfo(null, 0, null).processes()).isEmpty();
    assertThat(new DockerInfo(null, 0, 0, 0, 0, 0, null, null).containers()).isEmpty();
  }

  @Test
  void negativeCountsAndSizesAreRejected() {
    HostInfo host =
        new HostInfo("h", "k", 0, null, null, new MemoryInfo(-5, 0, 0, 0, 0), null, null);
    assertThatThrownBy(() -> new Report("a", null, null, host, null, null, null))
        .hasMessage("host_info.memory_info.total_mb must not be negative: -5");
    DockerInfo docker = new DockerInfo(List.of(), -1, 0, 0, 0, 0, null, null);
    assertThatThrownBy(() -> new Report("a", null, null, null, docker, null, null))
        .hasMessage("docker_info.total_containers must not be negative: -1");
  }

  @Test
  void processNeedsPositivePid() {
    ProcessesInfo p =
        new ProcessesInfo(
            List.of(new ProcessInfo(0, "x", "", "S", 0, 0, 0, 1, 0, 0, 0, null)), 1, null);
    assertThatThrownBy(() -> new Report("a", null, null, null, null, p, null))
        .hasMessage("processes_info.processes[0].pid must be positive: 0");
  }

  @Test
  void containerNeedsAnIdAndValidPorts() {
    Container noId = new Container(" ", "n", "i", "x", "s", "running", null, null, null, null);
    assertThatThrownBy(
            () ->
                new Report(
                    "a",
                    null,
                    null,
                    null,
                    new DockerInfo(List.of(noId), 1, 1, 0, 0, 1, null, null),
                    null,
                    null))
        .hasMessage("docker_info.containers[0].id must not be blank");
    Container badPort =
        new Container(
            "c1",
            "n",
            "i",
            "x",
            "s",
            "running",
            null,
            List.of(new PortMapping(80, 99_999, "tcp", "")),
            null,
            null);
    assertThatThrownBy(
            () ->
                new Report(
                    "a",
                    null,
                    null,
                    null,
                    new DockerInfo(List.of(badPort), 1, 1, 0, 0, 1, null, null),
                    null,
                    null))
        .hasMessage("docker_info.containers[0].ports[0].public_port out of range 0..65535: 99999");
  }

  @Test
  void nonFiniteOrNegativeMeasurementsAreRejected() {
    HostInfo host =
        new HostInfo("h", "k", 0, null, new CpuInfo("m", 4, Double.NaN), null, null, null);
    assertThatThrownBy(() -> new Report("a", null, null, host, null, null, null))
        .hasMessage("host_info.cpu_info.usage must be a finite, non-negative number: NaN");
  }

  @Test
  void effectiveHostnameFallsBackToHostInfoThenId() {
    HostInfo host = new HostInfo("from-host", "k", 0, null, null, null, null, null);
    assertThat(new Report("a", "given", null, host, null, null, null).effectiveHostname())
        .isEqualTo("given");
    assertThat(new Report("a", "", null, host, null, null, null).effectiveHostname())
        .isEqualTo("from-host");
    assertThat(new Report("a", null, null, null, null, null, null).effectiveHostname())
        .isEqualTo("a");
  }

  @Test
  void collectionsAreCopiedNotShared() {
    List<Connection> source = new java.util.ArrayList<>(List.of(conn(1, 2)));
    Report r = withNetwork(source, List.of());
    source.clear();
    assertThat(r.networkInfo().connections()).hasSize(1);
    assertThatThrownBy(() -> r.networkInfo().connections().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
