package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.EdgeType;
import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.server.json.TopologyEncoding;
import io.orchestrator.server.json.WireJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A topology version is encoded by reusing the previous version's bytes for unchanged nodes and
 * edges; whatever changed between versions, the result is byte for byte what Jackson writes.
 */
class IncrementalEncodingTest {
  private final MutableClock clock = MutableClock.atBucketStart();

  @Test
  void everyVersionEncodesToExactlyWhatJacksonWrites() {
    Random rnd = new Random(20261127);
    TopologyEncoding encoding = new TopologyEncoding();
    try (Orchestrator o =
        Orchestrator.builder().clock(clock).staleThreshold(Duration.ofMinutes(5)).build()) {
      for (int round = 0; round < 60; round++) {
        String agent = "agent-" + rnd.nextInt(6);
        switch (rnd.nextInt(4)) {
          case 0 -> o.ingest(report(TestServer.fixture().replace("node-a", agent)));
          case 1 -> o.ingest(report(BigReports.report(agent, 1 + rnd.nextInt(20), round)));
          case 2 -> o.ingest(report(TestServer.report(agent)));
          default -> {
            clock.advance(Duration.ofMinutes(rnd.nextInt(4)));
            o.cleanup(); // agents silent past the threshold leave the topology
          }
        }
        assertEncodedExactly(encoding, o.topology());
      }
    }
  }

  @Test
  void keysAreEscapedExactlyAsJacksonDoes() {
    TopologyEncoding encoding = new TopologyEncoding();
    String odd = "quote\" back\\slash tab\t nul\u0000 é ✓ \uD83D\uDE00 </script>";
    Node host = new Node(odd, NodeType.HOST, odd, null, Map.of("k", odd));
    Node proc = new Node(odd + "-1", NodeType.PROCESS, "p", odd, Map.of());
    Edge edge = new Edge(odd, odd + "-1", EdgeType.PARENT_CHILD, null, 0);
    Instant at = Instant.parse("2026-11-27T00:00:00.123456789Z");
    assertEncodedExactly(
        encoding, new Topology(Map.of(odd, host), Map.of(edge.key(), edge), at, 1));
    assertEncodedExactly(
        encoding,
        new Topology(Map.of(odd, host, odd + "-1", proc), Map.of(edge.key(), edge), at, 2));
  }

  private static void assertEncodedExactly(TopologyEncoding encoding, Topology t) {
    ByteBuffer frame = encoding.frame(t).slice();
    byte[] got = new byte[frame.remaining()];
    frame.get(got);
    String expected =
        "{\"type\":\"topology_update\",\"payload\":"
            + new String(WireJson.write(t), StandardCharsets.UTF_8)
            + "}";
    assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(got).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  private static Report report(String json) {
    try {
      return WireJson.read(
          new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Report.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
