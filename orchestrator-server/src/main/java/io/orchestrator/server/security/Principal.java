package io.orchestrator.server.security;

import io.orchestrator.core.access.Role;
import java.util.Objects;

/**
 * Who made a request: an API key (by its id), a JWT (by its subject) or the bootstrap admin key.
 * Immutable and thread-safe.
 *
 * @param name the key id, the token's subject, or "admin-key"
 * @param role what it may do
 * @param agentId the agent a probe credential is bound to, or null
 */
public record Principal(String name, Role role, String agentId) {

  /** Checks the required fields. */
  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** True when bound to an agent other than {@code agentId}. */
  public boolean boundElsewhere(String agentId) {
    return this.agentId != null && role == Role.PROBE && !this.agentId.equals(agentId);
  }
}
