package io.orchestrator.core.topology;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, consistent snapshot of the topology. Every edge's source is a node; every target is
 * a node or, for network edges to endpoints no agent owns, a raw {@code ip:port}. Every non-host
 * node's parent is a node. Thread-safe.
 *
 * @param nodes nodes by id
 * @param edges edges by key
 * @param timestamp when the topology last changed (server clock)
 * @param version increases with every change
 */
public record Topology(
    Map<String, Node> nodes, Map<String, Edge> edges, Instant timestamp, long version) {

  /** Copies the maps. */
  public Topology {
    nodes = FrozenMap.copyOf(nodes);
    edges = FrozenMap.copyOf(edges);
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
