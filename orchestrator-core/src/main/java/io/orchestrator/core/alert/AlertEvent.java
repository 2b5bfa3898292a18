package io.orchestrator.core.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of an alert's state, published on the hub as {@code alert} and handed to notifiers.
 * Immutable and thread-safe.
 *
 * @param status what the alert became: pending, firing, or resolved
 * @param alert the alert as it stood (for resolved: as it last was, firing)
 * @param at when the change was seen (the evaluation's instant)
 */
public record AlertEvent(AlertStatus status, Alert alert, Instant at) {
  /** Checks every part is given. */
  public AlertEvent {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(at, "at");
  }
}
