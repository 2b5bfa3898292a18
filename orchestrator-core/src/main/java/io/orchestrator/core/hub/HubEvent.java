package io.orchestrator.core.hub;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.alert.AlertEvent;
import io.orchestrator.core.topology.Topology;
import java.util.Objects;

/**
 * What a hub {@link Event} says: a closed set of records, one per {@link EventType}. How one is
 * encoded for a transport is the transport's business. All implementations are immutable.
 */
public sealed interface HubEvent {

  /** The kind of event (what subscribers filter on). */
  EventType type();

  /** The agent it concerns, or null for fleet-wide events. */
  String agentId();

  /** The topology changed; carries the new snapshot. */
  record TopologyChanged(Topology topology) implements HubEvent {
    /** Validates. */
    public TopologyChanged {
      Objects.requireNonNull(topology, "topology");
    }

    @Override
    public EventType type() {
      return EventType.TOPOLOGY_UPDATE;
    }

    @Override
    public String agentId() {
      return null;
    }
  }

  /** A report was accepted (here or, in a cluster, by another replica). */
  record ReportReceived(ReceivedReport report) implements HubEvent {
    /** Validates. */
    public ReportReceived {
      Objects.requireNonNull(report, "report");
    }

    @Override
    public EventType type() {
      return EventType.REPORT_UPDATE;
    }

    @Override
    public String agentId() {
      return report.agentId();
    }
  }

  /** An agent registered for the first time. */
  record AgentRegistered(Agent agent) implements HubEvent {
    /** Validates. */
    public AgentRegistered {
      Objects.requireNonNull(agent, "agent");
    }

    @Override
    public EventType type() {
      return EventType.AGENT_REGISTERED;
    }

    @Override
    public String agentId() {
      return agent.agentId();
    }
  }

  /** A stale agent's sub-graph was removed from the topology. */
  record AgentRemoved(String agentId) implements HubEvent {
    /** Validates. */
    public AgentRemoved {
      Objects.requireNonNull(agentId, "agentId");
    }

    @Override
    public EventType type() {
      return EventType.AGENT_REMOVED;
    }
  }

  /** An alert became pending, fired or resolved. */
  record AlertChanged(AlertEvent event) implements HubEvent {
    /** Validates. */
    public AlertChanged {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public EventType type() {
      return EventType.ALERT;
    }

    @Override
    public String agentId() {
      return event.alert().labels().get("agent_id");
    }
  }
}
