package io.orchestrator.core.alert;

import java.util.Locale;
import java.util.Optional;

/**
 * How urgent a rule's alerts are; becomes the {@code severity} label. Immutable and thread-safe.
 */
public enum Severity {
  /** Someone should act now. */
  CRITICAL,
  /** Someone should look soon. */
  WARNING,
  /** For the record. */
  INFO;

  /** The wire form: {@code "critical"}, {@code "warning"}, {@code "info"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity with this wire name, if any. */
  public static Optional<Severity> fromWireName(String name) {
    for (Severity s : values()) {
      if (s.wireName().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
