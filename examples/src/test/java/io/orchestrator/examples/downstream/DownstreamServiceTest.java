package io.orchestrator.examples.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.topology.NodeType;
import io.orchestrator.testkit.ContainerRuntime;
import io.orchestrator.testkit.HubClient;
import io.orchestrator.testkit.OrchestratorExtension;
import io.orchestrator.testkit.ProbeSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How a user's project tests its own code against Orchestrator with the testkit. */
class DownstreamServiceTest {
  @RegisterExtension static OrchestratorExtension orchestrator = new OrchestratorExtension();

  @Test
  void probeReportShowsUpInTheTopology() {
    ProbeSimulator probe = orchestrator.probe("node-1").runtime(ContainerRuntime.CRIO).build();
    assertThat(probe.register()).isEqualTo(201);
    assertThat(probe.sendReport()).isEqualTo(202);

    var topology = orchestrator.orchestrator().topology();
    assertThat(topology.nodes(NodeType.HOST)).extracting(n -> n.id()).containsExactly("node-1");
    assertThat(topology.nodes(NodeType.CONTAINER)).hasSize(probe.containerIds().size());
  }

  @Test
  void uiSeesReportsLive() throws Exception {
    try (HubClient hub = HubClient.connect(orchestrator.wsUri())) {
      orchestrator.probe("node-2").build().sendReport();
      var update =
          hub.await(
              "report_update",
              p -> p.path("agent_id").asText().equals("node-2"),
              Duration.ofSeconds(10));
      assertThat(update.at("/report/host_info/cpu_info/cores").asInt()).isEqualTo(8);
    }
  }

  @Test
  void eachTestStartsFromAnEmptyServer() {
    assertThat(orchestrator.orchestrator().agents()).isEmpty();
  }
}
