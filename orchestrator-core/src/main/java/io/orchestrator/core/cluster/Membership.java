package io.orchestrator.core.cluster;

import java.time.Clock;
import java.util.List;

/**
 * Who the replicas are, and which one holds the lease for the duties that must run once (history
 * retention, alert evaluation and notifications). A replica that loses the lease stops acting on it
 * before another can take it, so two replicas never both believe they hold it.
 *
 * <p>Implementations are thread-safe.
 */
public interface Membership extends AutoCloseable {

  /** This replica's node id. */
  String nodeId();

  /** Whether this replica holds the lease now. */
  boolean leader();

  /** The live replicas, this one included, sorted by node id. */
  List<Member> members();

  /** Leaves: gives the lease up at once so another replica can take it. Idempotent. */
  @Override
  void close();

  /** A replica on its own: always the leader, the only member. */
  static Membership solo(String nodeId, String address, Clock clock) {
    return new SoloMembership(nodeId, address, clock);
  }
}
