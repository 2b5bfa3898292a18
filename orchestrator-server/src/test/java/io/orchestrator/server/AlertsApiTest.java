package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.OrchestratorBuilder;
import io.orchestrator.core.alert.NotificationSettings;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.server.alert.AlertNotifiers;
import io.orchestrator.server.json.JsonReportCodec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DESIGN §12 over HTTP: rules, the alert lifecycle, the webhook payload, the feed and stats. */
class AlertsApiTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CPU_RULE =
      "{\"query\":\"type:host cpu > 90\",\"for\":\"2m\",\"severity\":\"critical\","
          + "\"labels\":{\"team\":\"ops\"},"
          + "\"annotations\":{\"summary\":\"{{ $labels.node_id }} at {{ $value }}%\"}}";

  private final MutableClock clock = MutableClock.atBucketStart();
  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final Orchestrator orchestrator;
  private final TestServer api;

  AlertsApiTest() throws Exception {
    URI hook =
        URI.create("http://alice:s3cret@127.0.0.1:" + receiver.uri("/hook").getPort() + "/hook");
    AlertConfig alerts =
        new AlertConfig(
            List.of(),
            Duration.ofSeconds(15),
            new AlertConfig.Receivers(
                List.of(hook), List.of(), URI.create("https://orchestrator.example/")));
    OrchestratorBuilder b =
        Orchestrator.builder()
            .clock(clock)
            .reportCodec(JsonReportCodec.INSTANCE)
            .alertInterval(Duration.ofDays(1))
            .notificationSettings(
                new NotificationSettings(16, 2, Duration.ofMillis(1), Duration.ofMillis(2)));
    AlertNotifiers.of(alerts, () -> URI.create("http://unused")).forEach(b::notifier);
    orchestrator = b.build();
    api = TestServer.around(orchestrator, c -> c);
  }

  @AfterEach
  void stop() {
    api.close();
    orchestrator.close();
    receiver.close();
  }

  private HttpResponse<String> put(String name, String body) {
    return api.send(
        HttpRequest.newBuilder(api.uri("/api/v1/alerts/rules/" + name))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpResponse<String> delete(String name) {
    return api.send(
        HttpRequest.newBuilder(api.uri("/api/v1/alerts/rules/" + name)).DELETE().build());
  }

  private static String host(String agent, double cpu) {
    return "{\"agent_id\":\""
        + agent
        + "\",\"hostname\":\""
        + agent
        + ".example\",\"host_info\":{\"cpu_info\":{\"model\":\"x\",\"cores\":4,\"usage\":"
        + cpu
        + "}}}";
  }

  @Test
  void rulesAreCreatedReplacedListedAndDeleted() {
    HttpResponse<String> created = put("HostCpu", CPU_RULE);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode rule = TestServer.json(created);
    assertThat(rule.get("name").asText()).isEqualTo("HostCpu");
    assertThat(rule.get("kind").asText()).isEqualTo("query");
    assertThat(rule.get("for").asText()).isEqualTo("2m0s");
    assertThat(put("HostCpu", CPU_RULE).statusCode()).isEqualTo(200);
    assertThat(put("Silent", "{\"kind\":\"agent_stale\"}").statusCode()).isEqualTo(201);

    JsonNode list = TestServer.json(api.get("/api/v1/alerts/rules"));
    assertThat(list.get("rules")).hasSize(2);
    assertThat(list.at("/rules/0/name").asText()).isEqualTo("HostCpu");
    assertThat(TestServer.json(api.get("/api/v1/alerts/rules/Silent")).get("kind").asText())
        .isEqualTo("agent_stale");

    assertThat(delete("HostCpu").statusCode()).isEqualTo(204);
    assertThat(delete("HostCpu").statusCode()).isEqualTo(404);
    assertThat(api.get("/api/v1/alerts/rules/HostCpu").statusCode()).isEqualTo(404);
  }

  @Test
  void anInvalidRuleIsA400NamingTheField() {
    assertThat(error(put("r", "{\"query\":\"cpu > fast\"}")))
        .startsWith("query: ")
        .contains("position");
    assertThat(error(put("r", "{\"query\":\"x\",\"bogus\":1}"))).startsWith("bogus: unknown field");
    assertThat(error(put("r", "{\"name\":\"other\",\"query\":\"x\"}"))).startsWith("name: ");
    assertThat(error(put("r", "{\"query\":\"x\",\"kind\":\"nodes\"}"))).startsWith("kind: ");
    assertThat(error(put("r", "{\"query\":\"x\",\"for\":\"soon\"}"))).startsWith("for: ");
    assertThat(error(put("r", "{\"query\":\"x\",\"severity\":\"panic\"}")))
        .startsWith("severity: ");
    assertThat(error(put("r", "{\"query\":\"x\",\"labels\":{\"node_id\":\"n\"}}")))
        .startsWith("labels.node_id: ");
    assertThat(error(put("r", "{\"query\":\"x\",\"labels\":{\"a\":1}}"))).startsWith("labels.a: ");
    assertThat(error(put("r", "[1]"))).startsWith("rule: ");
    assertThat(error(put("bad%20name", "{\"query\":\"x\"}"))).startsWith("name: ");
    assertThat(error(put("r", "{\"query\":\"x\",\"query\":\"y\"}"))).contains("duplicate key");
    assertThat(TestServer.json(api.get("/api/v1/alerts/rules")).get("rules")).isEmpty();
  }

  private static String error(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    return TestServer.json(r).get("error").asText();
  }

  @Test
  void anAlertGoesFromPendingToFiringToResolvedAndTheWebhookHearsTwice() throws Exception {
    put("HostCpu", CPU_RULE);
    api.post("/api/v1/reports", host("a", 95));
    api.post("/api/v1/reports", host("b", 15));
    orchestrator.alerting().evaluate();

    JsonNode pending = TestServer.json(api.get("/api/v1/alerts")).get("alerts");
    assertThat(pending).hasSize(1);
    assertThat(pending.at("/0/state").asText()).isEqualTo("pending");
    assertThat(pending.at("/0/rule").asText()).isEqualTo("HostCpu");
    assertThat(pending.at("/0/value").asDouble()).isEqualTo(95.0);
    assertThat(pending.at("/0/fired_at").isNull()).isTrue();
    assertThat(receiver.pending()).isZero();

    clock.advance(Duration.ofMinutes(2));
    orchestrator.alerting().evaluate();
    JsonNode firing = TestServer.json(api.get("/api/v1/alerts?state=firing")).get("alerts");
    assertThat(firing).hasSize(1);
    assertThat(firing.at("/0/fired_at").asText()).isEqualTo(clock.instant().toString());
    assertThat(TestServer.json(api.get("/api/v1/alerts?state=pending")).get("alerts")).isEmpty();

    WebhookReceiver.Received fired = receiver.next(WAIT);
    assertThat(fired.path()).isEqualTo("/hook");
    assertThat(fired.authorization()).isEqualTo("Basic YWxpY2U6czNjcmV0");
    JsonNode p = fired.body();
    assertThat(p.get("version").asText()).isEqualTo("4");
    assertThat(p.get("groupKey").asText()).isEqualTo("{}:{alertname=\"HostCpu\"}");
    assertThat(p.get("status").asText()).isEqualTo("firing");
    assertThat(p.get("receiver").asText()).isEqualTo("orchestrator");
    assertThat(p.get("truncatedAlerts").asInt()).isZero();
    assertThat(p.at("/groupLabels/alertname").asText()).isEqualTo("HostCpu");
    assertThat(p.at("/commonLabels/team").asText()).isEqualTo("ops");
    assertThat(p.at("/commonAnnotations/summary").asText()).isEqualTo("a at 95%");
    assertThat(p.get("externalURL").asText()).isEqualTo("https://orchestrator.example");
    JsonNode a = p.at("/alerts/0");
    assertThat(p.get("alerts")).hasSize(1);
    assertThat(a.get("status").asText()).isEqualTo("firing");
    assertThat(a.at("/labels/alertname").asText()).isEqualTo("HostCpu");
    assertThat(a.at("/labels/severity").asText()).isEqualTo("critical");
    assertThat(a.at("/labels/node_id").asText()).isEqualTo("a");
    assertThat(a.at("/labels/node_type").asText()).isEqualTo("host");
    assertThat(a.at("/labels/agent_id").asText()).isEqualTo("a");
    assertThat(a.get("startsAt").asText()).isEqualTo(clock.instant().toString());
    assertThat(a.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(a.get("generatorURL").asText())
        .isEqualTo("https://orchestrator.example/api/v1/alerts/rules/HostCpu");
    assertThat(a.get("fingerprint").asText()).matches("[0-9a-f]{16}");

    clock.advance(Duration.ofSeconds(15));
    api.post("/api/v1/reports", host("a", 20));
    orchestrator.alerting().evaluate();
    JsonNode resolved = receiver.next(WAIT).body();
    assertThat(resolved.get("status").asText()).isEqualTo("resolved");
    assertThat(resolved.at("/alerts/0/status").asText()).isEqualTo("resolved");
    assertThat(resolved.at("/alerts/0/endsAt").asText()).isEqualTo(clock.instant().toString());
    assertThat(resolved.at("/alerts/0/fingerprint").asText())
        .isEqualTo(a.get("fingerprint").asText());
    assertThat(TestServer.json(api.get("/api/v1/alerts")).get("alerts")).isEmpty();

    JsonNode stats = TestServer.json(api.get("/api/v1/query/stats")).get("alerts");
    assertThat(stats.get("rules").asInt()).isEqualTo(1);
    assertThat(stats.get("firing").asInt()).isZero();
    assertThat(stats.get("regex_trips").asInt()).isZero();
    await().atMost(WAIT).until(() -> orchestrator.stats().alerts().notificationsSent() == 2);
    assertThat(api.get("/metrics").body())
        .contains("orchestrator_alert_notifications_total{result=\"sent\"}")
        .contains("orchestrator_alerts{state=\"firing\"} 0")
        .contains("orchestrator_alert_regex_trips_total 0");
  }

  @Test
  void feedClientsThatSubscribeToAlertsGetEachChange() throws Exception {
    put("HostCpu", "{\"query\":\"type:host cpu > 90\"}");
    WsTestClient ws = WsTestClient.connect(api.server.wsUri());
    try {
      ws.awaitType("topology_update", WAIT);
      ws.send("{\"type\":\"subscribe\",\"payload\":{\"types\":[\"alert\"]}}");
      ws.send("{\"type\":\"ping\"}");
      ws.awaitType("pong", WAIT); // the subscription is in place
      api.post("/api/v1/reports", host("a", 99));
      orchestrator.alerting().evaluate();
      JsonNode event = ws.awaitType("alert", WAIT).get("payload");
      assertThat(event.get("rule").asText()).isEqualTo("HostCpu");
      assertThat(event.get("status").asText()).isEqualTo("firing");
      assertThat(event.at("/labels/node_id").asText()).isEqualTo("a");
      assertThat(event.get("at").asText()).isEqualTo(clock.instant().toString());
    } finally {
      ws.close();
    }
  }

  @Test
  void aReceiverThatRefusesIsCountedAsFailedAndIngestCarriesOn() throws Exception {
    receiver.answer(503);
    put("HostCpu", "{\"query\":\"type:host cpu > 90\"}");
    api.post("/api/v1/reports", host("a", 99));
    orchestrator.alerting().evaluate();
    receiver.next(WAIT);
    receiver.next(WAIT); // two tries
    await().atMost(WAIT).until(() -> orchestrator.stats().alerts().notificationsFailed() == 1);
    assertThat(api.post("/api/v1/reports", host("a", 99)).statusCode()).isEqualTo(202);
    assertThat(
            TestServer.json(api.get("/api/v1/query/stats"))
                .at("/alerts/notifications_failed")
                .asInt())
        .isEqualTo(1);
  }
}
