package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.alert.AlertRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orchestrator → a real Alertmanager (Debian's) → a webhook receiver (DESIGN §12): the alert
 * arrives grouped and routed by Alertmanager, with the fingerprint Orchestrator computed, and
 * resolves the same way.
 */
class AlertmanagerIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void anAlertReachesAReceiverThroughAlertmanagerAndResolves() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      int amPort = ExternalProcess.freePort();
      Files.writeString(
          dir.resolve("alertmanager.yml"),
          "route:\n  receiver: test\n  group_by: ['alertname']\n  group_wait: 1s\n"
              + "  group_interval: 1s\n  repeat_interval: 1h\n"
              + "receivers:\n  - name: test\n    webhook_configs:\n      - url: '"
              + receiver.uri("/am")
              + "'\n        send_resolved: true\n");
      try (ExternalProcess am =
          ExternalProcess.start(
              dir,
              List.of(
                  "/usr/bin/prometheus-alertmanager",
                  "--config.file=" + dir.resolve("alertmanager.yml"),
                  "--storage.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + amPort,
                  "--cluster.listen-address="))) {
        URI amBase = URI.create("http://127.0.0.1:" + amPort);
        HttpClient http = HttpClient.newHttpClient();
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(200))
            .ignoreExceptions()
            .until(() -> status(http, amBase.resolve("/-/ready")) == 200);
        AlertConfig alerts =
            new AlertConfig(
                List.of(
                    AlertRule.builder("HostCpu")
                        .query("type:host cpu > 90")
                        .labels(Map.of("team", "ops"))
                        .annotations(Map.of("summary", "{{ $labels.node_id }} at {{ $value }}%"))
                        .build()),
                Duration.ofSeconds(1),
                new AlertConfig.Receivers(List.of(), List.of(amBase), null));
        try (TestServer api = TestServer.start(b -> b.alerts(alerts))) {
          api.post("/api/v1/reports", report(97));
          WebhookReceiver.Received fired = receiver.next(WAIT);
          JsonNode p = fired.body();
          assertThat(p.get("status").asText()).as(p.toString()).isEqualTo("firing");
          JsonNode alert = p.at("/alerts/0");
          assertThat(alert.at("/labels/alertname").asText()).isEqualTo("HostCpu");
          assertThat(alert.at("/labels/node_id").asText()).isEqualTo("am-host");
          assertThat(alert.at("/labels/team").asText()).isEqualTo("ops");
          assertThat(alert.at("/annotations/summary").asText()).isEqualTo("am-host at 97%");
          assertThat(alert.get("generatorURL").asText())
              .isEqualTo(api.server.baseUri() + "/api/v1/alerts/rules/HostCpu");
          String ours =
              TestServer.json(api.get("/api/v1/alerts")).at("/alerts/0/fingerprint").asText();
          assertThat(alert.get("fingerprint").asText()).isEqualTo(ours);

          api.post("/api/v1/reports", report(12));
          JsonNode resolved = receiver.next(WAIT).body();
          assertThat(resolved.get("status").asText()).as(resolved.toString()).isEqualTo("resolved");
          assertThat(resolved.at("/alerts/0/fingerprint").asText()).isEqualTo(ours);
          assertThat(am.isAlive()).as(am.output()).isTrue();
          assertThat(
                  TestServer.json(api.get("/api/v1/query/stats"))
                      .at("/alerts/notifications_failed")
                      .asInt())
              .isZero();
        }
      }
    }
  }

  private static int status(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String report(double cpu) {
    return "{\"agent_id\":\"am-host\",\"host_info\":{\"cpu_info\":{\"usage\":" + cpu + "}}}";
  }
}
