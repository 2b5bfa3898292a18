package io.orchestrator.core.alert;

import java.util.Locale;

/**
 * Where an alert stands (DESIGN §12): its condition holds ({@code pending}), has held for the
 * rule's {@code for} ({@code firing}), or no longer holds ({@code resolved}, told once, then gone).
 * Immutable and thread-safe.
 */
public enum AlertStatus {
  /** The condition holds, not yet for the rule's {@code for}. */
  PENDING,
  /** The condition has held for the rule's {@code for}. */
  FIRING,
  /** A firing alert whose condition no longer holds. */
  RESOLVED;

  /** The wire form: {@code "pending"}, {@code "firing"}, {@code "resolved"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
