package io.orchestrator.core.cluster;

import java.util.List;
import java.util.Objects;

/**
 * This replica's view of the cluster (for {@code GET /api/v1/cluster} and {@code /health}).
 * Immutable and thread-safe.
 *
 * @param nodeId this replica
 * @param leader whether it holds the lease for the once-only duties
 * @param members the live replicas, sorted by node id
 * @param bus the bus's condition, or null when the replica runs without one
 */
public record ClusterStatus(String nodeId, boolean leader, List<Member> members, BusState bus) {
  /** Validates and copies. */
  public ClusterStatus {
    Objects.requireNonNull(nodeId, "nodeId");
    members = List.copyOf(members);
  }

  /** Whether this replica holds the cluster's state: no bus, or its first catch-up is done. */
  public boolean caughtUp() {
    return bus == null || bus.caughtUp();
  }
}
