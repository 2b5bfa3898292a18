package io.orchestrator.core.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key: never the secret, only its SHA-256 ({@code secretHash}, hex), so a leaked store
 * does not leak a credential. Immutable and thread-safe.
 *
 * @param id the key's public id
 * @param name what an admin called it
 * @param role what it may do
 * @param agentId the agent a probe key is bound to, or null
 * @param secretHash hex SHA-256 of the secret
 * @param createdAt when it was made
 * @param lastUsedAt when it last authenticated a request, or null
 */
public record ApiKey(
    String id,
    String name,
    Role role,
    String agentId,
    String secretHash,
    Instant createdAt,
    Instant lastUsedAt) {

  /** Checks the required fields. */
  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** This key, last used at {@code at}. */
  public ApiKey usedAt(Instant at) {
    return new ApiKey(id, name, role, agentId, secretHash, createdAt, at);
  }
}
