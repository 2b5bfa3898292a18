package io.orchestrator.core.topology;

import java.util.Map;
import java.util.Objects;

/**
 * A topology node. Metadata values are JSON-friendly: strings, numbers, lists and maps; the
 * metadata map is unmodifiable and keeps the order it was given in. Immutable and thread-safe.
 *
 * @param id unique id (see {@link NodeType})
 * @param type host, container or process
 * @param name display name
 * @param parentId the parent node's id, null for hosts
 * @param metadata descriptive fields, never null
 */
public record Node(
    String id, NodeType type, String name, String parentId, Map<String, Object> metadata) {

  /** Validates and copies. */
  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    metadata = metadata == null ? Map.of() : CompactMap.copyOf(metadata);
  }
}
