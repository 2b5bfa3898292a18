package io.orchestrator.core;

import io.orchestrator.core.alert.Alerting;
import io.orchestrator.core.hub.DefaultHub;
import io.orchestrator.core.hub.Event;
import io.orchestrator.core.hub.EventType;
import io.orchestrator.core.hub.HubEvent;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.core.topology.TopologyAggregator;
import java.time.Clock;
import java.util.Set;

/**
 * What the maintenance thread does between cleanups: coalesced topology pushes, alert evaluation on
 * the lease holder, and the watch for replicas that left. Run from one thread.
 */
final class Duties {
  private final Clock clock;
  private final TopologyAggregator topology;
  private final DefaultHub hub;
  private final Alerting alerting;
  private final ClusterLink cluster;
  private final Replication replication;
  private volatile long lastPushedVersion = -1; // written by the maintenance thread only

  Duties(
      Clock clock,
      TopologyAggregator topology,
      DefaultHub hub,
      Alerting alerting,
      ClusterLink cluster,
      Replication replication) {
    this.clock = clock;
    this.topology = topology;
    this.hub = hub;
    this.alerting = alerting;
    this.cluster = cluster;
    this.replication = replication;
  }

  /** Publishes a topology_update if the topology changed since the last one and anyone wants it. */
  void pushTopology() {
    if (topology.version() == lastPushedVersion || !hub.wants(EventType.TOPOLOGY_UPDATE)) {
      return;
    }
    Topology t = topology.snapshot();
    lastPushedVersion = t.version();
    hub.publish(new Event(new HubEvent.TopologyChanged(t), clock.instant()));
  }

  /**
   * Evaluates the alert rules if this replica holds the lease (else the one that does tells it the
   * changes), and tells the other replicas what changed.
   */
  void evaluateAlerts() {
    if (cluster.leader()) {
      alerting.evaluate().changes().forEach(cluster::alert);
    }
  }

  /** Reads the storage again when a replica has left: it may not have published all it took. */
  void watchMembers() {
    if (!cluster.clustered()) {
      return;
    }
    Set<String> now = cluster.memberIds();
    if (cluster.leftSince(now)) {
      replication.catchUp(); // when it fails (the storage is down), the next watch tries again
    }
    cluster.remember(now);
  }
}
