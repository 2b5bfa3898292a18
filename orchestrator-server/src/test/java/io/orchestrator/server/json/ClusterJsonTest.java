package io.orchestrator.server.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.alert.Alert;
import io.orchestrator.core.alert.AlertEvent;
import io.orchestrator.core.alert.AlertStatus;
import io.orchestrator.core.cluster.ClusterEvent;
import io.orchestrator.core.report.ReportBody;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterJsonTest {
  private static final Instant T = Instant.parse("2026-12-06T10:00:00.123456Z");
  private static final Agent AGENT =
      new Agent(
          "n1", "host-1", Map.of("zone", "eu"), T, T.plusSeconds(5), null, AgentStatus.ACTIVE);

  private static ClusterEvent roundTrip(ClusterEvent e) {
    return ClusterJson.INSTANCE.decode(ClusterJson.INSTANCE.encode(e));
  }

  @Test
  void everyEventComesBackAsItWasSent() {
    byte[] raw = "{\"agent_id\":\"n1\",\"x\":1.50}".getBytes(StandardCharsets.UTF_8);
    ClusterEvent.ReportAccepted r =
        (ClusterEvent.ReportAccepted)
            roundTrip(new ClusterEvent.ReportAccepted("a", AGENT, T, ReportBody.of(raw)));
    assertThat(r.body().toByteArray()).as("the probe's bytes, untouched").isEqualTo(raw);
    assertThat(r.agent()).isEqualTo(AGENT);
    assertThat(r.receivedAt()).isEqualTo(T);
    assertThat(roundTrip(new ClusterEvent.AgentRegistered("a", AGENT)))
        .isEqualTo(new ClusterEvent.AgentRegistered("a", AGENT));
    assertThat(roundTrip(new ClusterEvent.Heartbeat("a", "n1", T)))
        .isEqualTo(new ClusterEvent.Heartbeat("a", "n1", T));
    assertThat(roundTrip(new ClusterEvent.Resync("b"))).isEqualTo(new ClusterEvent.Resync("b"));
    Alert alert =
        new Alert(
            "HotHost",
            AlertStatus.FIRING,
            Map.of("agent_id", "n1"),
            Map.of("s", "hot"),
            T,
            T,
            95.5);
    ClusterEvent.AlertChanged a =
        new ClusterEvent.AlertChanged("a", new AlertEvent(AlertStatus.FIRING, alert, T));
    assertThat(roundTrip(a)).isEqualTo(a);
  }

  @Test
  void bytesThatAreNoEventAreRefusedWithAReason() {
    assertThatThrownBy(() -> ClusterJson.INSTANCE.decode(new byte[] {0, 0, 0, 99, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header length");
    assertThatThrownBy(() -> ClusterJson.INSTANCE.decode("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
