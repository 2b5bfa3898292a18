package io.orchestrator.core.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active alerts as another replica evaluates them, kept from its changes: a pending or firing
 * alert is held until it resolves. Bounded by what that replica's evaluator holds. Thread-safe.
 */
final class FollowedAlerts {
  private record Key(String rule, Map<String, String> labels) {}

  private final Map<Key, Alert> alerts = new ConcurrentHashMap<>();
  private volatile boolean active;

  /** Applies a change; the first after evaluating here starts from what was evaluated here. */
  synchronized void apply(AlertEvent e, List<Alert> evaluatedHere) {
    if (!active) {
      alerts.clear();
      evaluatedHere.forEach(a -> alerts.put(new Key(a.rule(), a.labels()), a));
      active = true;
    }
    Key key = new Key(e.alert().rule(), e.alert().labels());
    if (e.status() == AlertStatus.RESOLVED) {
      alerts.remove(key);
    } else {
      alerts.put(key, e.alert());
    }
  }

  /** This replica evaluates again: what it evaluates is what it shows. */
  synchronized void stop() {
    active = false;
    alerts.clear();
  }

  boolean active() {
    return active;
  }

  List<Alert> alerts() {
    List<Alert> out = new ArrayList<>(alerts.values());
    out.sort(AlertEvaluator.ORDER);
    return out;
  }
}
