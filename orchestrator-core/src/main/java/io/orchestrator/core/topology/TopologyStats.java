package io.orchestrator.core.topology;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of a topology snapshot. Immutable and thread-safe.
 *
 * @param totalNodes number of nodes
 * @param totalEdges number of edges
 * @param nodesByType node count per wire type name
 * @param edgesByType edge count per wire type name
 * @param lastUpdate when the topology last changed
 * @param version the snapshot version
 */
public record TopologyStats(
    int totalNodes,
    int totalEdges,
    Map<String, Integer> nodesByType,
    Map<String, Integer> edgesByType,
    Instant lastUpdate,
    long version) {

  /** Copies the maps. */
  public TopologyStats {
    nodesByType = Map.copyOf(nodesByType);
    edgesByType = Map.copyOf(edgesByType);
  }

  /** The counts of {@code topology}. */
  public static TopologyStats of(Topology topology) {
    Map<String, Integer> nodes = new TreeMap<>();
    topology.nodes().values().forEach(n -> nodes.merge(n.type().wireName(), 1, Integer::sum));
    Map<String, Integer> edges = new TreeMap<>();
    topology.edges().values().forEach(e -> edges.merge(e.type().wireName(), 1, Integer::sum));
    return new TopologyStats(
        topology.nodes().size(),
        topology.edges().size(),
        nodes,
        edges,
        topology.timestamp(),
        topology.version());
  }
}
