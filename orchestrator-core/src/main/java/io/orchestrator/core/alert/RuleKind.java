package io.orchestrator.core.alert;

import java.util.Locale;
import java.util.Optional;

/** What a rule's query looks at (DESIGN §12). Immutable and thread-safe. */
public enum RuleKind {
  /** Topology nodes: one alert per matching node. */
  QUERY,
  /** Network edges: one alert per matching edge. */
  EDGE,
  /** Agents: one alert per stale agent the query matches. */
  AGENT_STALE;

  /** The wire form: {@code "query"}, {@code "edge"}, {@code "agent_stale"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind with this wire name, if any. */
  public static Optional<RuleKind> fromWireName(String name) {
    for (RuleKind k : values()) {
      if (k.wireName().equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
