package io.orchestrator.core.hub;

import java.util.Optional;

/** The kinds of hub event. Immutable and thread-safe. */
public enum EventType {
  /** The topology changed: {@link HubEvent.TopologyChanged}. */
  TOPOLOGY_UPDATE("topology_update"),
  /** A report was accepted: {@link HubEvent.ReportReceived}. */
  REPORT_UPDATE("report_update"),
  /** An agent registered for the first time: {@link HubEvent.AgentRegistered}. */
  AGENT_REGISTERED("agent_registered"),
  /** A stale agent's sub-graph was removed: {@link HubEvent.AgentRemoved}. */
  AGENT_REMOVED("agent_removed"),
  /** An alert became pending, fired or resolved: {@link HubEvent.AlertChanged}. */
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
