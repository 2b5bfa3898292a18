package io.orchestrator.core.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * A replica as the membership sees it. Immutable and thread-safe.
 *
 * @param nodeId its name
 * @param address where it serves ({@code host:port})
 * @param lastSeen when it last announced itself
 * @param leader whether it holds the lease for the once-only duties
 */
public record Member(String nodeId, String address, Instant lastSeen, boolean leader) {
  /** Validates. */
  public Member {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}
