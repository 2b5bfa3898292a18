package io.orchestrator.core.hub;

import java.util.Optional;

/** The kinds of hub event. Immutable and thread-safe. */
public enum EventType {
  /** The topology changed; payload: the {@link io.orchestrator.core.topology.Topology}. */
  TOPOLOGY_UPDATE("topology_update"),
  /** A report was accepted; payload: the {@link io.orchestrator.core.ReceivedReport}. */
  REPORT_UPDATE("report_update"),
  /**
   * An agent registered for the first time; payload: the {@link io.orchestrator.core.agent.Agent}.
   */
  AGENT_REGISTERED("agent_registered"),
  /** A stale agent's sub-graph was removed; payload: the agent id. */
  AGENT_REMOVED("agent_removed"),
  /**
   * An alert became pending, fired or resolved; payload: the {@link
   * io.orchestrator.core.alert.AlertEvent}.
   */
  ALERT("alert");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The wire form, e.g. {@code "topology_update"}. */
  public String wireName() {
    return wireName;
  }

  /** The type with this wire name, if any. */
  public static Optional<EventType> fromWireName(String name) {
    for (EventType t : values()) {
      if (t.wireName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
