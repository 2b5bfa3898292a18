package io.orchestrator.server;

import io.orchestrator.nats.NatsBusConfig;
import java.util.List;
import java.util.Objects;

/**
 * Whether the server is one replica of a cluster (DESIGN §11), and its name. Immutable and
 * thread-safe.
 *
 * @param nats the NATS servers of {@code -cluster}; empty when the server runs alone
 * @param nodeId {@code -node-id}, or null for the host name and port
 */
public record ClusterConfig(List<String> nats, String nodeId) {
  /** Validates and copies. */
  public ClusterConfig {
    nats = List.copyOf(nats);
    if (nodeId != null && (nodeId.isBlank() || nodeId.length() > 128)) {
      throw new IllegalArgumentException("node-id must be 1..128 characters: \"" + nodeId + "\"");
    }
  }

  /** Alone, named by host name and port. */
  public static ClusterConfig alone() {
    return new ClusterConfig(List.of(), null);
  }

  /** Whether {@code -cluster} was given. */
  public boolean clustered() {
    return !nats.isEmpty();
  }

  /** The node id: the configured one, or {@code host:port}. */
  public String nodeId(String host, int port) {
    return Objects.requireNonNullElse(nodeId, host + ":" + port);
  }

  @Override
  public String toString() {
    return "ClusterConfig[" + describe() + ", nodeId=" + nodeId + "]";
  }

  /** A line for the banner; never shows a NATS password. */
  public String describe() {
    return clustered()
        ? "nats " + String.join(",", nats.stream().map(NatsBusConfig::mask).toList())
        : "off (a single replica)";
  }
}
