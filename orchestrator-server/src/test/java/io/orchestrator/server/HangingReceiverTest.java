package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.OrchestratorBuilder;
import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.core.alert.Evaluation;
import io.orchestrator.core.alert.NotificationSettings;
import io.orchestrator.server.alert.AlertNotifiers;
import io.orchestrator.server.json.JsonReportCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A webhook receiver that accepts connections and never answers: evaluation and ingestion carry on,
 * and what its queue cannot hold is dropped and counted (DESIGN §12).
 */
class HangingReceiverTest {
  @Test
  void aReceiverThatNeverAnswersHoldsUpNeitherEvaluationNorIngest() throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept()); // read nothing, answer nothing
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      AlertConfig alerts =
          new AlertConfig(
              List.of(),
              Duration.ofSeconds(15),
              new AlertConfig.Receivers(
                  List.of(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/")),
                  List.of(),
                  null));
      OrchestratorBuilder b =
          Orchestrator.builder()
              .reportCodec(JsonReportCodec.INSTANCE)
              .alertInterval(Duration.ofDays(1))
              .notificationSettings(
                  new NotificationSettings(4, 1, Duration.ofMillis(1), Duration.ofMillis(1)));
      AlertNotifiers.of(alerts, () -> URI.create("http://localhost")).forEach(b::notifier);
      try (Orchestrator o = b.build();
          TestServer api = TestServer.around(o, c -> c)) {
        o.alerting().rules().put(AlertRule.builder("Hot").query("type:host cpu > 90").build());
        int evaluations = 20;
        for (int i = 0; i < evaluations; i++) {
          // Alternately hot and cool: every evaluation fires or resolves, one delivery each.
          double cpu = i % 2 == 0 ? 99 : 10;
          assertThat(api.post("/api/v1/reports", report(cpu)).statusCode()).isEqualTo(202);
          Evaluation e = o.alerting().evaluate();
          assertThat(e.notifiable()).hasSize(1);
        }
        // One delivery hangs in flight, four wait, the rest were dropped and counted.
        assertThat(o.stats().alerts().notificationsDropped())
            .isBetween((long) evaluations - 4 - 2, (long) evaluations - 4);
        assertThat(o.stats().alerts().notificationsSent()).isZero();
      }
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  private static String report(double cpu) {
    return "{\"agent_id\":\"a\",\"host_info\":{\"cpu_info\":{\"usage\":" + cpu + "}}}";
  }
}
