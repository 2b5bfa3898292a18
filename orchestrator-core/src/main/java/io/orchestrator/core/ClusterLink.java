package io.orchestrator.core;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.alert.AlertEvent;
import io.orchestrator.core.cluster.ClusterBus;
import io.orchestrator.core.cluster.ClusterEvent;
import io.orchestrator.core.cluster.ClusterStatus;
import io.orchestrator.core.cluster.Membership;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.report.ReportCodec;
import java.util.HashSet;
import java.util.Set;

/**
 * This replica's side of the cluster: what it tells the others once committed, whether it holds the
 * lease, and its view of the members. Without a bus it only names the replica. Thread-safe.
 */
final class ClusterLink implements AutoCloseable {
  private final ClusterBus bus; // null when alone
  private final Membership membership;
  private final ReportCodec codec;
  private Set<String> lastMembers = Set.of(); // the maintenance thread's only

  ClusterLink(ClusterBus bus, Membership membership, ReportCodec codec) {
    this.bus = bus;
    this.membership = membership;
    this.codec = codec;
  }

  boolean clustered() {
    return bus != null;
  }

  String nodeId() {
    return membership.nodeId();
  }

  /** Whether the once-only duties are this replica's now. */
  boolean leader() {
    return membership.leader();
  }

  /**
   * The body a report ingested as an object travels in: encoded once, before it is stored, so the
   * storage and the bus share it. Null when alone (the storage encodes it if it must).
   */
  ReportBody bodyOf(Report report) {
    return bus == null ? null : codec.encode(report);
  }

  /** Tells the others; {@code r} carries its body (see {@link #bodyOf}). */
  void reportAccepted(Agent agent, ReceivedReport r) {
    if (bus != null) {
      bus.publish(new ClusterEvent.ReportAccepted(nodeId(), agent, r.receivedAt(), r.body()));
    }
  }

  void registered(Agent agent) {
    if (bus != null) {
      bus.publish(new ClusterEvent.AgentRegistered(nodeId(), agent));
    }
  }

  void heartbeat(Agent agent) {
    if (bus != null) {
      bus.publish(new ClusterEvent.Heartbeat(nodeId(), agent.agentId(), agent.lastSeen()));
    }
  }

  void alert(AlertEvent e) {
    if (bus != null) {
      bus.publish(new ClusterEvent.AlertChanged(nodeId(), e));
    }
  }

  /** Asks every other replica to read the storage again (after this one could not publish). */
  void resync() {
    if (bus != null) {
      bus.publish(new ClusterEvent.Resync(nodeId()));
    }
  }

  void start(ClusterBus.Listener listener) {
    if (bus != null) {
      bus.start(nodeId(), listener);
    }
  }

  /** The live members' node ids. */
  Set<String> memberIds() {
    Set<String> ids = new HashSet<>();
    membership.members().forEach(m -> ids.add(m.nodeId()));
    return ids;
  }

  /**
   * Whether a replica seen at the last {@link #remember} is gone from {@code now}: it may have
   * acknowledged reports it never published. Called from one thread.
   */
  boolean leftSince(Set<String> now) {
    return !now.containsAll(lastMembers);
  }

  /** The members the next {@link #leftSince} compares with. */
  void remember(Set<String> now) {
    lastMembers = now;
  }

  ClusterStatus status() {
    return new ClusterStatus(
        nodeId(), leader(), membership.members(), bus == null ? null : bus.state());
  }

  @Override
  public void close() {
    if (bus != null) {
      bus.close();
    }
    membership.close();
  }
}
