package io.orchestrator.core.topology;

import java.util.Collections;
import java.util.Map;

/**
 * The nodes and edges one agent's slice of a snapshot holds: what it contributes, less the keys
 * another agent's slice holds, with the merged value of shared keys it holds. Immutable: the maps
 * are never modified once the slice is built.
 *
 * @param nodes nodes by id
 * @param edges edges by key
 */
record Slice(Map<String, Node> nodes, Map<String, Edge> edges) {
  static final Slice EMPTY = new Slice(Map.of(), Map.of());

  /** Read-only views (a view of a view is the view itself, so identity survives re-wrapping). */
  Slice {
    nodes = Collections.unmodifiableMap(nodes);
    edges = Collections.unmodifiableMap(edges);
  }
}
