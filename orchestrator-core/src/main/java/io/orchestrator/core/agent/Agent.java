package io.orchestrator.core.agent;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A registered agent as the registry sees it. All instants come from the server clock. Immutable
 * and thread-safe.
 *
 * @param agentId the agent's id
 * @param hostname the host it runs on
 * @param metadata free-form labels from registration, never null
 * @param registeredAt first registration (explicit or implicit)
 * @param lastSeen last registration, heartbeat or report
 * @param lastReportAt last accepted report, or null if none yet
 * @param status active or stale, computed when read
 */
public record Agent(
    String agentId,
    String hostname,
    Map<String, String> metadata,
    Instant registeredAt,
    Instant lastSeen,
    Instant lastReportAt,
    AgentStatus status) {

  /** Copies the metadata and checks required fields. */
  public Agent {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(status, "status");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  Agent seen(Instant now) {
    return new Agent(agentId, hostname, metadata, registeredAt, now, lastReportAt, status);
  }

  Agent withStatus(AgentStatus newStatus) {
    return newStatus == status
        ? this
        : new Agent(agentId, hostname, metadata, registeredAt, lastSeen, lastReportAt, newStatus);
  }
}
