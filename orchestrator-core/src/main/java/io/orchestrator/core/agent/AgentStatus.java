package io.orchestrator.core.agent;

import java.util.Locale;

/** Whether an agent has been seen within the stale threshold. Immutable and thread-safe. */
public enum AgentStatus {
  /** Seen within the stale threshold. */
  ACTIVE,
  /** Silent for longer than the stale threshold. */
  STALE;

  /** The wire form: {@code "active"} or {@code "stale"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
