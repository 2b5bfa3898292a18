package io.orchestrator.server.alert;

import io.orchestrator.core.alert.Alert;
import io.orchestrator.core.alert.AlertEvent;
import io.orchestrator.core.alert.AlertStatus;
import io.orchestrator.core.alert.Evaluation;
import io.orchestrator.core.alert.Notifier;
import io.orchestrator.server.json.WireJson;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Pushes alerts to an Alertmanager's {@code POST /api/v2/alerts} the way Prometheus does: every
 * evaluation resends each firing alert with {@code endsAt} four intervals ahead (so Alertmanager
 * resolves it by itself if this server goes away), and a resolved alert once with {@code endsAt}
 * when it resolved. Alertmanager's grouping, silences and routing then apply. Batches of at most
 * {@value #BATCH} alerts. Thread-safe.
 */
public final class AlertmanagerNotifier implements Notifier {
  static final int BATCH = 1000;

  private final HttpReceiver receiver;
  private final Duration validFor;
  private final Supplier<String> externalUrl;

  /**
   * A notifier pushing to the Alertmanager at {@code baseUrl}.
   *
   * @param interval the evaluation interval; firing alerts stay valid for four of them
   * @param externalUrl how Alertmanager links back to this server
   */
  public AlertmanagerNotifier(URI baseUrl, Duration interval, Supplier<String> externalUrl) {
    this.receiver = new HttpReceiver(alertsEndpoint(baseUrl), Duration.ofSeconds(10));
    this.validFor = interval.multipliedBy(4);
    this.externalUrl = externalUrl;
  }

  private static URI alertsEndpoint(URI base) {
    String s = base.toString();
    if (s.endsWith("/api/v2/alerts")) {
      return base;
    }
    return URI.create(s.replaceAll("/+$", "") + "/api/v2/alerts");
  }

  @Override
  public String name() {
    return "alertmanager " + receiver.name();
  }

  @Override
  public List<Delivery> deliveries(Evaluation e) {
    String external = externalUrl.get();
    List<Map<String, Object>> alerts = new ArrayList<>();
    Instant validUntil = e.at().plus(validFor);
    for (Alert a : e.firing()) {
      alerts.add(postable(a, validUntil, external));
    }
    for (AlertEvent c : e.notifiable()) {
      if (c.status() == AlertStatus.RESOLVED) {
        alerts.add(postable(c.alert(), c.at(), external));
      }
    }
    List<Delivery> out = new ArrayList<>();
    for (int i = 0; i < alerts.size(); i += BATCH) {
      out.add(receiver.post(WireJson.write(alerts.subList(i, Math.min(alerts.size(), i + BATCH)))));
    }
    return out;
  }

  private static Map<String, Object> postable(Alert a, Instant endsAt, String external) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("labels", a.labels());
    m.put("annotations", a.annotations());
    m.put("startsAt", a.firedAt().toString());
    m.put("endsAt", endsAt.toString());
    m.put("generatorURL", WebhookNotifier.generatorUrl(external, a.rule()));
    return m;
  }
}
