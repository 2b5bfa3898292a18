package io.orchestrator.core.topology;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, consistent snapshot of the topology. Every edge's source is a node; every target is
 * a node or, for network edges to endpoints no agent owns, a raw {@code ip:port}. Every non-host
 * node's parent is a node. Thread-safe.
 *
 * @param nodes nodes by id
 * @param edges edges by key
 * @param timestamp when the topology last changed (server clock)
 * @param version increases with every change (counted by each replica)
 * @param contentTag the same for every replica holding the same agents' reports: a digest of each
 *     agent's id and the receive time of the report its sub-graph came from, so an {@code ETag}
 *     holds behind a load balancer; 0 when unknown
 */
public record Topology(
    Map<String, Node> nodes,
    Map<String, Edge> edges,
    Instant timestamp,
    long version,
    long contentTag) {

  /** A topology with no content tag. */
  public Topology(
      Map<String, Node> nodes, Map<String, Edge> edges, Instant timestamp, long version) {
    this(nodes, edges, timestamp, version, 0);
  }

  /** Copies the maps. */
  public Topology {
    nodes = FrozenMap.copyOf(nodes);
    edges = FrozenMap.copyOf(edges);
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** The nodes of one type, sorted by id. */
  public List<Node> nodes(NodeType type) {
    return nodes.values().stream()
        .filter(n -> n.type() == type)
        .sorted(Comparator.comparing(Node::id))
        .toList();
  }

  /** The node with {@code id}, if present. */
  public Optional<Node> node(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  /**
   * The topology in parts whose nodes and edges, concatenated, iterate exactly as {@link #nodes()}
   * and {@link #edges()} do. A snapshot of the live topology has one part per agent, and later
   * snapshots hold the very same map instances for every agent whose share did not change, so an
   * encoder can reuse what it wrote for a part by the identity of its maps. Any other topology is
   * one part.
   */
  public List<Part> parts() {
    List<Part> parts = SlicedMap.partsOf(nodes, edges);
    return parts != null ? parts : List.of(new Part(nodes, edges));
  }

  /**
   * One part of a topology: in a live snapshot, one agent's share (what it contributes, less the
   * keys another part holds, with the merged value of shared keys it holds). Immutable and
   * thread-safe.
   *
   * @param nodes nodes by id, read-only
   * @param edges edges by key, read-only
   */
  public record Part(Map<String, Node> nodes, Map<String, Edge> edges) {
    /** No nodes and no edges. */
    public static final Part EMPTY = new Part(Map.of(), Map.of());

    /**
     * Wraps the maps read-only; a map already wrapped is kept as it is (Java does not wrap a view
     * twice), so its identity lasts.
     */
    public Part {
      nodes = Collections.unmodifiableMap(nodes);
      edges = Collections.unmodifiableMap(edges);
    }
  }
}
