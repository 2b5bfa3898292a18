package io.orchestrator.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.topology.EdgeType;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddedServiceTest {
  @Test
  void embeddedServiceBuildsATopologyWithCrossHostEdges() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Topology t = EmbeddedService.run(3, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(t.nodes(NodeType.HOST)).hasSize(3);
    assertThat(t.edges().values())
        .anyMatch(e -> e.type() == EdgeType.NETWORK && e.target().startsWith("host-"));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 hosts").contains("host-0 cpu now");
  }
}
