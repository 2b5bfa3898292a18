package io.orchestrator.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.EdgeType;
import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class TopologyEncodingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Topology topology(long version) {
    Node host = new Node("a", NodeType.HOST, "a", null, Map.of("agent_id", "a"));
    Node proc = new Node("a-1", NodeType.PROCESS, "p", "a", Map.of("pid", 1));
    Edge edge = new Edge("a", "a-1", EdgeType.PARENT_CHILD, null, 0);
    return new Topology(
        Map.of("a", host, "a-1", proc),
        Map.of(edge.key(), edge),
        Instant.parse("2026-01-01T00:00:00Z"),
        version);
  }

  @Test
  void oneVersionIsSerialisedOnceAndSharedByRestAndWebSocket() throws Exception {
    TopologyEncoding encoding = new TopologyEncoding();
    Topology t = topology(7);
    assertThat(encoding.frame(topology(7))).isSameAs(encoding.frame(t));
    assertThat(encoding.responseBody(t)).isSameAs(encoding.responseBody(t));
    assertThat(encoding.frame(t).isReadOnly()).isTrue();

    JsonNode frame = JSON.readTree(utf8(encoding.frame(t)));
    JsonNode body = JSON.readTree(new String(encoding.responseBody(t), StandardCharsets.UTF_8));
    JsonNode bare = frame.get("payload");
    assertThat(frame.get("type").asText()).isEqualTo("topology_update");
    assertThat(body.get("topology")).isEqualTo(bare);
    assertThat(body.get("version").asLong()).isEqualTo(7);
    assertThat(body.get("timestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(bare.at("/nodes/a-1/parent_id").asText()).isEqualTo("a");
    assertThat(bare.at("/edges/a->a-1/type").asText()).isEqualTo("parent-child");
  }

  @Test
  void theGzippedBodyIsCompressedOncePerVersion() throws Exception {
    TopologyEncoding encoding = new TopologyEncoding();
    byte[] gzipped = encoding.gzippedBody(topology(3));
    assertThat(encoding.gzippedBody(topology(3))).isSameAs(gzipped);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      assertThat(in.readAllBytes()).isEqualTo(encoding.responseBody(topology(3)));
    }
    assertThat(encoding.gzippedBody(topology(4))).isNotSameAs(gzipped);
  }

  @Test
  void aNewVersionIsSerialisedAgain() {
    TopologyEncoding encoding = new TopologyEncoding();
    ByteBuffer v1 = encoding.frame(topology(1));
    ByteBuffer v2 = encoding.frame(topology(2));
    assertThat(v2).isNotSameAs(v1);
    assertThat(utf8(v2)).contains("\"version\":2");
  }

  private static String utf8(ByteBuffer frame) {
    return StandardCharsets.UTF_8.decode(frame.slice()).toString();
  }
}
