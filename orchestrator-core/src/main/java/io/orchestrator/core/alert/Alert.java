package io.orchestrator.core.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One active alert: a rule's condition holding for one node, edge or agent. Immutable and
 * thread-safe.
 *
 * @param rule the rule's name
 * @param state pending or firing
 * @param labels identify the alert: {@code alertname}, {@code severity}, the subject's labels and
 *     the rule's, in name order
 * @param annotations the rule's annotations with templates filled in
 * @param activeSince when the condition began to hold
 * @param firedAt when the alert fired, or null while pending
 * @param value the subject's value of the rule's first comparison, or null when it has none
 */
public record Alert(
    String rule,
    AlertStatus state,
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant activeSince,
    Instant firedAt,
    Double value) {

  /** Checks the required parts; an alert is never resolved (that is an event, not a state). */
  public Alert {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(activeSince, "activeSince");
    if (state != AlertStatus.PENDING && state != AlertStatus.FIRING) {
      throw new IllegalArgumentException("an alert is pending or firing: " + state);
    }
    if ((state == AlertStatus.FIRING) != (firedAt != null)) {
      throw new IllegalArgumentException("firedAt is set exactly when firing");
    }
  }

  /** Alertmanager's fingerprint of the labels, as 16 hex digits. */
  public String fingerprint() {
    return Fingerprint.of(labels);
  }
}
