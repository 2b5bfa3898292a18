package io.orchestrator.core.cluster;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.alert.AlertEvent;
import io.orchestrator.core.report.ReportBody;
import java.time.Instant;
import java.util.Objects;

/**
 * What one replica tells the others: facts it has already made durable (or, for heartbeats and
 * alerts, that need no durability). A closed set of immutable records; the bus's codec decides how
 * they travel.
 */
public sealed interface ClusterEvent {

  /** The node id of the replica that published it. */
  String origin();

  /** A report the origin accepted and committed, as it arrived. */
  record ReportAccepted(String origin, Agent agent, Instant receivedAt, ReportBody body)
      implements ClusterEvent {
    /** Validates. */
    public ReportAccepted {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(agent, "agent");
      Objects.requireNonNull(receivedAt, "receivedAt");
      Objects.requireNonNull(body, "body");
    }
  }

  /** A registration the origin committed. */
  record AgentRegistered(String origin, Agent agent) implements ClusterEvent {
    /** Validates. */
    public AgentRegistered {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(agent, "agent");
    }
  }

  /** A heartbeat the origin received (heartbeats are not stored, only shared). */
  record Heartbeat(String origin, String agentId, Instant at) implements ClusterEvent {
    /** Validates. */
    public Heartbeat {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(agentId, "agentId");
      Objects.requireNonNull(at, "at");
    }
  }

  /** An alert change from the replica that holds the evaluation lease. */
  record AlertChanged(String origin, AlertEvent event) implements ClusterEvent {
    /** Validates. */
    public AlertChanged {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * The origin could not publish for a while (the bus was unreachable): every replica reads the
   * storage again to pick up what it missed.
   */
  record Resync(String origin) implements ClusterEvent {
    /** Validates. */
    public Resync {
      Objects.requireNonNull(origin, "origin");
    }
  }
}
