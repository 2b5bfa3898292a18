package io.orchestrator.server.alert;

import io.orchestrator.core.alert.AlertEvent;
import io.orchestrator.core.alert.AlertStatus;
import io.orchestrator.core.alert.Evaluation;
import io.orchestrator.core.alert.Notifier;
import io.orchestrator.server.json.WireJson;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * POSTs Alertmanager's webhook payload (version 4) when alerts fire and when they resolve, so any
 * receiver written for Alertmanager takes it: one payload per rule and evaluation, grouped by
 * {@code alertname}, at most {@value #MAX_ALERTS} alerts each (the rest counted in {@code
 * truncatedAlerts}). Thread-safe.
 */
public final class WebhookNotifier implements Notifier {
  static final int MAX_ALERTS = 1000;
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private final HttpReceiver receiver;
  private final Supplier<String> externalUrl;

  /**
   * A notifier posting to {@code url}.
   *
   * @param externalUrl how receivers link back to this server
   */
  public WebhookNotifier(URI url, Supplier<String> externalUrl) {
    this.receiver = new HttpReceiver(url, Duration.ofSeconds(5));
    this.externalUrl = externalUrl;
  }

  @Override
  public String name() {
    return "webhook " + receiver.name();
  }

  @Override
  public List<Delivery> deliveries(Evaluation evaluation) {
    Map<String, List<AlertEvent>> byRule = new LinkedHashMap<>();
    for (AlertEvent e : evaluation.notifiable()) {
      byRule.computeIfAbsent(e.alert().rule(), k -> new ArrayList<>()).add(e);
    }
    List<Delivery> out = new ArrayList<>(byRule.size());
    String external = externalUrl.get();
    byRule.forEach(
        (rule, events) -> out.add(receiver.post(WireJson.write(payload(rule, events, external)))));
    return out;
  }

  static Map<String, Object> payload(String rule, List<AlertEvent> events, String external) {
    List<AlertEvent> sent = events.size() > MAX_ALERTS ? events.subList(0, MAX_ALERTS) : events;
    List<Map<String, Object>> alerts = new ArrayList<>(sent.size());
    boolean firing = false;
    for (AlertEvent e : sent) {
      firing |= e.status() == AlertStatus.FIRING;
      alerts.add(alert(e, external));
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("version", "4");
    p.put("groupKey", "{}:{alertname=\"" + rule.replace("\"", "\\\"") + "\"}");
    p.put("truncatedAlerts", events.size() - sent.size());
    p.put("status", firing ? "firing" : "resolved");
    p.put("receiver", "orchestrator");
    p.put("groupLabels", Map.of("alertname", rule));
    p.put("commonLabels", common(sent, true));
    p.put("commonAnnotations", common(sent, false));
    p.put("externalURL", external);
    p.put("alerts", alerts);
    return p;
  }

  private static Map<String, Object> alert(AlertEvent e, String external) {
    boolean resolved = e.status() == AlertStatus.RESOLVED;
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("status", resolved ? "resolved" : "firing");
    a.put("labels", e.alert().labels());
    a.put("annotations", e.alert().annotations());
    a.put("startsAt", e.alert().firedAt().toString());
    a.put("endsAt", resolved ? e.at().toString() : ZERO_TIME);
    a.put("generatorURL", generatorUrl(external, e.alert().rule()));
    a.put("fingerprint", e.alert().fingerprint());
    return a;
  }

  static String generatorUrl(String external, String rule) {
    return external + "/api/v1/alerts/rules/" + rule; // rule names are URL-safe by definition
  }

  /** The labels (or annotations) every alert shares, with the same value. */
  private static Map<String, String> common(List<AlertEvent> events, boolean labels) {
    Map<String, String> out = null;
    for (AlertEvent e : events) {
      Map<String, String> m = labels ? e.alert().labels() : e.alert().annotations();
      if (out == null) {
        out = new LinkedHashMap<>(m);
      } else {
        out.entrySet().removeIf(x -> !x.getValue().equals(m.get(x.getKey())));
      }
    }
    return out == null ? Map.of() : out;
  }
}
