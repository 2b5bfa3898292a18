package io.orchestrator.core.topology;

import java.util.Objects;

/**
 * A topology edge. Immutable and thread-safe.
 *
 * @param source the source node id
 * @param target the target node id, or a raw {@code ip:port} when no agent owns the endpoint
 * @param type parent-child or network
 * @param protocol "tcp"/"udp" for network edges, null otherwise
 * @param connections how many connections the latest report holds, 0 for parent-child edges
 * @param external true when an end is an address no agent owns (outside the fleet), as resolution
 *     found it: such an end is a raw address, never a node, even if some node's id reads the same
 */
public record Edge(
    String source,
    String target,
    EdgeType type,
    String protocol,
    int connections,
    boolean external) {

  /** Validates. */
  public Edge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(type, "type");
    if (connections < 0) {
      throw new IllegalArgumentException("connections must not be negative: " + connections);
    }
  }

  /** An edge between two nodes. */
  public Edge(String source, String target, EdgeType type, String protocol, int connections) {
    this(source, target, type, protocol, connections, false);
  }

  /** The edge's key in the topology: {@code src->dst} or {@code src->dst-protocol}. */
  public String key() {
    return type == EdgeType.PARENT_CHILD
        ? source + "->" + target
        : source + "->" + target + "-" + protocol;
  }
}
