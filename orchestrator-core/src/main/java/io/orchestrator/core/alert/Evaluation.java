package io.orchestrator.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one evaluation found. Immutable and thread-safe.
 *
 * @param at the evaluation's instant (server clock)
 * @param changes every alert that became pending, fired or resolved, in rule order
 * @param active every alert pending or firing afterwards, in no particular order
 * @param took how long the evaluation ran (wall time, for metrics)
 */
public record Evaluation(Instant at, List<AlertEvent> changes, List<Alert> active, Duration took) {
  /** Copies the lists. */
  public Evaluation {
    Objects.requireNonNull(at, "at");
    changes = List.copyOf(changes);
    active = List.copyOf(active);
    Objects.requireNonNull(took, "took");
  }

  /** The alerts firing afterwards. */
  public List<Alert> firing() {
    return active.stream().filter(a -> a.state() == AlertStatus.FIRING).toList();
  }

  /** The changes receivers hear of: alerts that fired, and firing alerts that resolved. */
  public List<AlertEvent> notifiable() {
    return changes.stream()
        .filter(
            e ->
                e.status() == AlertStatus.FIRING
                    || (e.status() == AlertStatus.RESOLVED
                        && e.alert().state() == AlertStatus.FIRING))
        .toList();
  }
}
