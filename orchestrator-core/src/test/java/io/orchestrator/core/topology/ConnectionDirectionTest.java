package io.orchestrator.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.report.Report;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import org.junit.jupiter.api.Test;

/** DESIGN §4.3, Direction: edges run from client to server, once per connection. */
class ConnectionDirectionTest {
  private final MutableClock clock = MutableClock.atBucketStart();

  private Topology apply(Report... reports) {
    TopologyAggregator aggregator = new TopologyAggregator(clock);
    for (Report r : reports) {
      aggregator.apply(r);
    }
    return aggregator.snapshot();
  }

  private static Reports server() {
    return Reports.agent("b")
        .process(300, "postgres", null)
        .socket("tcp", 300, "0.0.0.0", 5432, "0.0.0.0", 0, "LISTEN");
  }

  private static Report client() {
    return Reports.agent("a")
        .process(100, "app", null)
        .socket("tcp", 100, "10.0.0.5", 40_000, "10.0.0.9", 5432, "ESTABLISHED")
        .build();
  }

  @Test
  void anAcceptedSocketMakesAnEdgeFromItsClientsIpNotFromItsEphemeralPort() {
    Report b =
        server()
            .socket("tcp", 300, "10.0.0.9", 5432, "198.51.100.7", 51_001, "ESTABLISHED")
            .socket("tcp", 300, "10.0.0.9", 5432, "198.51.100.7", 51_002, "ESTABLISHED")
            .socket("tcp", 300, "10.0.0.9", 5432, "198.51.100.8", 40_000, "ESTABLISHED")
            .build();
    Topology t = apply(b);
    assertThat(t.edges()).containsKeys("198.51.100.7->b-300-tcp", "198.51.100.8->b-300-tcp");
    assertThat(t.edges().get("198.51.100.7->b-300-tcp").connections()).isEqualTo(2);
    assertThat(t.edges().keySet()).noneMatch(k -> k.contains("51001") || k.contains("40000"));
    assertThat(t.edges().get("198.51.100.7->b-300-tcp").external()).isTrue();
  }

  @Test
  void anEdgeIsExternalExactlyWhenAnEndIsAnAddressNoAgentOwns() {
    Report b =
        server().socket("tcp", 300, "10.0.0.9", 5432, "10.0.0.5", 40_000, "ESTABLISHED").build();
    // Agent "203.0.113.1:443" has an id that reads like the address its process connects to.
    Report lookalike =
        Reports.agent("203.0.113.1:443")
            .host(1, 1)
            .process(7, "curl", null)
            .socket("tcp", 7, "10.0.0.77", 41_000, "203.0.113.1", 443, "ESTABLISHED")
            .build();
    Topology t = apply(client(), b, lookalike);
    assertThat(t.edges().get("a-100->b-300-tcp").external()).isFalse();
    Edge out = t.edges().get("203.0.113.1:443-7->203.0.113.1:443-tcp");
    assertThat(out.external()).isTrue();
    assertThat(t.nodes()).containsKey(out.target()); // the id exists, yet the address is outside
  }

  @Test
  void bothSidesOfAConnectionMakeOneEdgeAndOneConnectionInEitherOrder() {
    Report b =
        server().socket("tcp", 300, "10.0.0.9", 5432, "10.0.0.5", 40_000, "ESTABLISHED").build();
    Topology ab = apply(client(), b);
    Topology ba = apply(b, client());
    assertThat(ab.edges().values())
        .filteredOn(e -> e.type() == EdgeType.NETWORK)
        .containsExactly(new Edge("a-100", "b-300", EdgeType.NETWORK, "tcp", 1));
    assertThat(ba.edges()).isEqualTo(ab.edges());
  }

  @Test
  void anUnreportedClientOnAKnownHostStartsAtThatHost() {
    Report a = Reports.agent("a").host(1, 1).listen(0, "10.0.0.5", 22).build();
    Report b =
        server().socket("tcp", 300, "10.0.0.9", 5432, "10.0.0.5", 40_123, "ESTABLISHED").build();
    assertThat(apply(a, b).edges()).containsKey("a->b-300-tcp");
  }

  @Test
  void aLoopbackConnectionReportedFromBothEndsIsOneEdge() {
    Report r =
        Reports.agent("a")
            .process(1, "app", null)
            .process(2, "redis", null)
            .socket("tcp", 2, "127.0.0.1", 6379, "0.0.0.0", 0, "LISTEN")
            .socket("tcp", 1, "127.0.0.1", 50_000, "127.0.0.1", 6379, "ESTABLISHED")
            .socket("tcp", 2, "127.0.0.1", 6379, "127.0.0.1", 50_000, "ESTABLISHED")
            .build();
    Topology t = apply(r);
    assertThat(t.edges().values())
        .filteredOn(e -> e.type() == EdgeType.NETWORK)
        .containsExactly(new Edge("a-1", "a-2", EdgeType.NETWORK, "tcp", 1));
  }

  @Test
  void anAcceptedLoopbackSocketWithoutItsClientStartsAtTheHost() {
    Report r =
        Reports.agent("a")
            .process(2, "redis", null)
            .socket("tcp", 2, "127.0.0.1", 6379, "0.0.0.0", 0, "LISTEN")
            .socket("tcp", 2, "127.0.0.1", 6379, "127.0.0.1", 50_000, "ESTABLISHED")
            .build();
    assertThat(apply(r).edges()).containsKey("a->a-2-tcp");
  }

  @Test
  void noEdgeRunsFromANodeToItself() {
    Report r =
        Reports.agent("a")
            .listen(0, "10.0.0.5", 22)
            .socket("tcp", 0, "10.0.0.5", 443, "10.0.0.5", 51_000, "TIME_WAIT")
            .socket("tcp", 0, "127.0.0.1", 41_000, "127.0.0.1", 9, "TIME_WAIT")
            .socket("tcp", 0, "10.0.0.5", 22, "127.0.0.1", 41_001, "ESTABLISHED")
            .build();
    Topology t = apply(r);
    assertThat(t.edges().values()).noneMatch(e -> e.source().equals(e.target()));
    assertThat(t.edges().values()).noneMatch(e -> e.type() == EdgeType.NETWORK);
  }

  @Test
  void aClientSocketStillResolvesToTheListenerItReaches() {
    Report b =
        server()
            .socket("tcp", 300, "10.0.0.9", 5432, "198.51.100.1", 60_000, "ESTABLISHED")
            .build();
    assertThat(apply(client(), b).edges())
        .containsKeys("a-100->b-300-tcp", "198.51.100.1->b-300-tcp");
    assertThat(apply(client()).edges()).containsKey("a-100->10.0.0.9:5432-tcp");
  }
}
