package io.orchestrator.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.report.Report;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyAggregatorTest {
  private static final String WEB = Reports.containerId("web");
  private static final String DB = Reports.containerId("db");

  private final MutableClock clock = MutableClock.atBucketStart();
  private final TopologyAggregator aggregator = new TopologyAggregator(clock);

  private Topology apply(Report... reports) {
    for (Report r : reports) {
      aggregator.apply(r);
    }
    return aggregator.snapshot();
  }

  private static Report nodeA() {
    return Reports.agent("a")
        .host(12.5, 40)
        .container(WEB, "web", 1.5)
        .process(100, "nginx", "/docker/" + WEB)
        .process(200, "sshd", null)
        .connect(100, "10.0.0.5", "10.0.0.9", 5432)
        .connect(100, "10.0.0.5", "10.0.0.9", 5432)
        .connect(200, "10.0.0.5", "203.0.113.7", 443)
        .build();
  }

  private static Report nodeB() {
    return Reports.agent("b")
        .host(3, 20)
        .container(DB, "db", 9)
        .process(300, "postgres", "0::/system.slice/docker-" + DB + ".scope")
        .socket("tcp", 300, "0.0.0.0", 5432, "0.0.0.0", 0, "LISTEN")
        .connect(300, "10.0.0.9", "10.0.0.77", 9999)
        .build();
  }

  @Test
  void hostContainerAndProcessNodesCarryTheirMetadata() {
    Topology t = apply(nodeA());
    Node host = t.nodes().get("a");
    assertThat(host.type()).isEqualTo(NodeType.HOST);
    assertThat(host.name()).isEqualTo("a.example");
    assertThat(host.parentId()).isNull();
    assertThat(host.metadata())
        .containsEntry("agent_id", "a")
        .containsEntry("hostname", "a.example")
        .containsEntry("kernel", "6.1.0")
        .containsEntry("cpu_cores", 8)
        .containsEntry("cpu_model", "Xeon")
        .containsEntry("cpu_usage", 12.5)
        .containsEntry("memory_total", 16_000L)
        .containsEntry("memory_used", 7_000L)
        .containsEntry("memory_usage", 40.0);

    Node web = t.nodes().get(WEB);
    assertThat(web.type()).isEqualTo(NodeType.CONTAINER);
    assertThat(web.name()).isEqualTo("web");
    assertThat(web.parentId()).isEqualTo("a");
    assertThat(web.metadata())
        .containsEntry("container_id", WEB)
        .containsEntry("image", "nginx:1.25")
        .containsEntry("state", "running")
        .containsEntry("status", "Up 2 hours")
        .containsEntry("labels", Map.of("app", "web"))
        .containsEntry("cpu_usage", 1.5)
        .containsEntry("memory_usage", 42.0)
        .containsEntry("memory_limit", 1024.0)
        .containsEntry("memory_percent", 4.1);

    Node nginx = t.nodes().get("a-100");
    assertThat(nginx.type()).isEqualTo(NodeType.PROCESS);
    assertThat(nginx.name()).isEqualTo("nginx");
    assertThat(nginx.metadata())
        .containsEntry("pid", 100)
        .containsEntry("ppid", 1)
        .containsEntry("cmdline", "nginx --flag")
        .containsEntry("state", "S")
        .containsEntry("threads", 4)
        .containsEntry("cpu_time", 12.5)
        .containsEntry("memory_mb", 64.0)
        .containsEntry("open_files", 10);
  }

  @Test
  void processesHangUnderTheirContainerElseTheHost() {
    Topology t = apply(nodeA());
    assertThat(t.nodes().get("a-100").parentId()).isEqualTo(WEB);
    assertThat(t.nodes().get("a-200").parentId()).isEqualTo("a");
    assertThat(t.edges())
        .containsKeys("a->" + WEB, WEB + "->a-100", "a->a-200")
        .extractingByKey("a->" + WEB)
        .isEqualTo(new Edge("a", WEB, EdgeType.PARENT_CHILD, null, 0));
  }

  @Test
  void networkEdgesCountTheLatestReportsConnections() {
    apply(nodeA());
    Topology t = apply(nodeA());
    assertThat(t.edges().get("a-100->10.0.0.9:5432-tcp").connections()).isEqualTo(2);
    assertThat(t.edges().get("a-200->203.0.113.7:443-tcp"))
        .isEqualTo(new Edge("a-200", "203.0.113.7:443", EdgeType.NETWORK, "tcp", 1, true));
  }

  @Test
  void remoteEndpointResolvesToTheListeningProcessWhateverTheOrder() {
    Topology ab = apply(nodeA(), nodeB());
    TopologyAggregator other = new TopologyAggregator(clock);
    other.apply(nodeB());
    other.apply(nodeA());
    Topology ba = other.snapshot();
    assertThat(ab.edges())
        .containsKey("a-100->b-300-tcp")
        .doesNotContainKey("a-100->10.0.0.9:5432-tcp");
    assertThat(ab.edges().get("a-100->b-300-tcp").connections()).isEqualTo(2);
    assertThat(ba.edges()).isEqualTo(ab.edges());
  }

  @Test
  void edgesAreResolvedAgainWhenAnotherAgentLaterClaimsTheAddress() {
    assertThat(apply(nodeA()).edges()).containsKey("a-100->10.0.0.9:5432-tcp");
    assertThat(apply(nodeB()).edges())
        .containsKey("a-100->b-300-tcp")
        .doesNotContainKey("a-100->10.0.0.9:5432-tcp");
    assertThat(apply(nodeA()).edges()).containsKey("a-100->b-300-tcp");
    aggregator.remove("b");
    assertThat(aggregator.snapshot().edges()).containsKey("a-100->10.0.0.9:5432-tcp");
  }

  @Test
  void remoteEndpointResolvesToTheHostWhenNoProcessListens() {
    Report b = Reports.agent("b").host(1, 1).connect(0, "10.0.0.9", "10.0.0.77", 80).build();
    Topology t = apply(nodeA(), b);
    assertThat(t.edges()).containsKey("a-100->b-tcp");
    assertThat(t.edges()).containsKey("b->10.0.0.77:80-tcp");
  }

  @Test
  void anAddressClaimedByTwoHostsStaysRaw() {
    Report b = Reports.agent("b").connect(0, "10.0.0.9", "10.0.0.1", 1).build();
    Report c = Reports.agent("c").connect(0, "10.0.0.9", "10.0.0.1", 1).build();
    Topology t = apply(nodeA(), b, c);
    assertThat(t.edges()).containsKey("a-100->10.0.0.9:5432-tcp");
  }

  @Test
  void loopbackConnectionsResolveWithinTheAgent() {
    Report r =
        Reports.agent("a")
            .process(1, "app", null)
            .process(2, "redis", null)
            .listen(2, "127.0.0.1", 6379)
            .connect(1, "127.0.0.1", "127.0.0.1", 6379)
            .connect(1, "127.0.0.1", "127.0.0.1", 1)
            .build();
    Topology t = apply(r);
    assertThat(t.edges()).containsKeys("a-1->a-2-tcp", "a-1->a-tcp");
  }

  @Test
  void listeningSocketsAreMetadataNotEdges() {
    Report r =
        Reports.agent("a")
            .process(7, "dns", null)
            .socket("tcp", 7, "0.0.0.0", 53, "0.0.0.0", 0, "LISTEN")
            .socket("udp", 7, "0.0.0.0", 53, "0.0.0.0", 0, "")
            .socket("udp", 0, "0.0.0.0", 68, "0.0.0.0", 0, "ACTIVE")
            .listen(7, "0.0.0.0", 53)
            .build();
    Topology t = apply(r);
    assertThat(t.edges().values()).noneMatch(e -> e.type() == EdgeType.NETWORK);
    assertThat(t.nodes().get("a-7").metadata().get("listening_ports"))
        .isEqualTo(
            List.of(
                Map.of("protocol", "tcp", "addr", "0.0.0.0", "port", 53),
                Map.of("protocol", "udp", "addr", "0.0.0.0", "port", 53)));
    assertThat(t.nodes().get("a").metadata().get("listening_ports"))
        .isEqualTo(List.of(Map.of("protocol", "udp", "addr", "0.0.0.0", "port", 68)));
  }

  @Test
  void aRepeatedPidIsOneNodeAndTheFirstEntryWins() {
    Report r =
        Reports.agent("a")
            .process(5, "first", null)
            .process(5, "second", null)
            .connect(5, "10.0.0.5", "10.9.9.9", 80)
            .build();
    Topology t = apply(r);
    assertThat(t.nodes(NodeType.PROCESS)).extracting(Node::name).containsExactly("first");
    assertThat(t.edges()).containsKeys("a->a-5", "a-5->10.9.9.9:80-tcp");
  }

  @Test
  void connectionOfAnUnreportedPidStartsAtTheHost() {
    Report r = Reports.agent("a").connect(999, "10.0.0.5", "10.9.9.9", 80).build();
    assertThat(apply(r).edges()).containsKey("a->10.9.9.9:80-tcp");
  }

  @Test
  void whatDisappearsFromTheReportDisappearsFromTheTopology() {
    apply(nodeA());
    Report smaller = Reports.agent("a").host(1, 1).process(200, "sshd", null).build();
    Topology t = apply(smaller);
    assertThat(t.nodes()).containsOnlyKeys("a", "a-200");
    assertThat(t.edges()).containsOnlyKeys("a->a-200");
  }

  @Test
  void removingAnAgentDropsItsWholeSubGraph() {
    apply(nodeA(), nodeB());
    assertThat(aggregator.remove("a")).isTrue();
    assertThat(aggregator.remove("a")).isFalse();
    Topology t = aggregator.snapshot();
    assertThat(t.nodes().keySet()).noneMatch(id -> id.startsWith("a") || id.equals(WEB));
    assertThat(aggregator.agents()).containsExactly("b");
  }

  @Test
  void snapshotsAreImmutableVersionedAndShared() {
    Topology empty = aggregator.snapshot();
    assertThat(empty.nodes()).isEmpty();
    Topology first = apply(nodeA());
    assertThat(first.version()).isGreaterThan(empty.version());
    assertThat(aggregator.snapshot()).isSameAs(first);
    assertThatThrownBy(() -> first.nodes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    Topology second = apply(nodeB());
    assertThat(second.version()).isGreaterThan(first.version());
    assertThat(first.nodes()).doesNotContainKey("b");
  }

  @Test
  void nodesCanBeLookedUpByTypeAndId() {
    Topology t = apply(nodeA(), nodeB());
    assertThat(t.nodes(NodeType.HOST)).extracting(Node::id).containsExactly("a", "b");
    assertThat(t.nodes(NodeType.PROCESS))
        .extracting(Node::id)
        .containsExactly("a-100", "a-200", "b-300");
    assertThat(t.nodes(NodeType.CONTAINER)).hasSize(2);
    assertThat(t.node("b-300")).map(Node::name).contains("postgres");
    assertThat(t.node("nope")).isEmpty();
  }

  @Test
  void statsCountNodesAndEdgesByType() {
    apply(nodeA(), nodeB());
    TopologyStats s = aggregator.stats();
    assertThat(s.nodesByType())
        .containsEntry("host", 2)
        .containsEntry("container", 2)
        .containsEntry("process", 3);
    assertThat(s.totalNodes()).isEqualTo(7);
    assertThat(s.edgesByType()).containsEntry("parent-child", 5).containsEntry("network", 3);
    assertThat(s.totalEdges()).isEqualTo(8);
    assertThat(s.version()).isEqualTo(aggregator.version());
    aggregator.clear();
    assertThat(aggregator.stats().totalNodes()).isZero();
  }
}
