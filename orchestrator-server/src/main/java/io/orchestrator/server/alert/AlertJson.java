package io.orchestrator.server.alert;

import io.orchestrator.core.alert.Alert;
import io.orchestrator.core.alert.AlertEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Alerts and their changes as the JSON of DESIGN §12. Stateless. */
public final class AlertJson {
  private AlertJson() {}

  /** An entry of {@code GET /api/v1/alerts}. */
  public static Map<String, Object> alert(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", a.rule());
    m.put("state", a.state().wireName());
    m.put("labels", a.labels());
    m.put("annotations", a.annotations());
    m.put("active_since", a.activeSince().toString());
    m.put("fired_at", a.firedAt() == null ? null : a.firedAt().toString());
    if (a.value() != null && Double.isFinite(a.value())) {
      m.put("value", a.value());
    }
    m.put("fingerprint", a.fingerprint());
    return m;
  }

  /** The payload of a WebSocket {@code alert} event. */
  public static Map<String, Object> event(AlertEvent e) {
    Map<String, Object> m = alert(e.alert());
    m.remove("state");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rule", m.remove("rule"));
    out.put("status", e.status().wireName());
    out.putAll(m);
    out.put("at", e.at().toString());
    return out;
  }
}
