package io.orchestrator.core.cluster;

import java.util.Objects;

/**
 * A bus's condition. Immutable and thread-safe.
 *
 * @param connected whether it can publish and receive now
 * @param caughtUp whether the events published before this replica started have been delivered
 * @param published events published since start
 * @param received events of other replicas received since start
 * @param failed publishes that failed (the storage still has what they said)
 * @param detail what is wrong, safe to show, else "ok"
 */
public record BusState(
    boolean connected,
    boolean caughtUp,
    long published,
    long received,
    long failed,
    String detail) {
  /** Validates. */
  public BusState {
    Objects.requireNonNull(detail, "detail");
  }
}
