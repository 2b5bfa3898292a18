package io.orchestrator.core.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One container. Immutable and thread-safe; null ports and labels become empty.
 *
 * @param id container id as sent (usually 64 hex digits)
 * @param name container name
 * @param image image reference
 * @param imageId image id
 * @param status human-readable status ("Up 2 hours")
 * @param state machine state ("running", "exited")
 * @param created creation time, may be null
 * @param ports published ports, never null
 * @param labels labels, never null
 * @param stats resource usage, may be null
 */
public record Container(
    String id,
    String name,
    String image,
    String imageId,
    String status,
    String state,
    OffsetDateTime created,
    List<PortMapping> ports,
    Map<String, String> labels,
    ContainerStats stats) {

  /** Copies the collections, treating null as empty. */
  public Container {
    ports = Lists.copyOf(ports);
    labels = Lists.copyOf(labels);
  }
}
