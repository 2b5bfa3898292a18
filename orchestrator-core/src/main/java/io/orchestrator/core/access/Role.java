package io.orchestrator.core.access;

import java.util.Locale;
import java.util.Optional;

/**
 * What a credential may do (DESIGN §8): a probe reports, a viewer reads, an admin does everything.
 * Immutable and thread-safe.
 */
public enum Role {
  /** Registers, heartbeats, fetches its config and posts reports (for its agent when bound). */
  PROBE,
  /** Reads: queries, search, export, alerts, cluster, metrics and the WebSocket feed. */
  VIEWER,
  /** Everything, including keys and alert rules. */
  ADMIN;

  /** The wire form: {@code "probe"}, {@code "viewer"}, {@code "admin"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with this wire name, if any. */
  public static Optional<Role> fromWireName(String name) {
    for (Role r : values()) {
      if (r.wireName().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
