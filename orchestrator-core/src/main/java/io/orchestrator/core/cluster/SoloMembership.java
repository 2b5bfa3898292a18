package io.orchestrator.core.cluster;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** The membership of a replica that runs alone. Thread-safe (immutable but for the clock). */
final class SoloMembership implements Membership {
  private final String nodeId;
  private final String address;
  private final Clock clock;

  SoloMembership(String nodeId, String address, Clock clock) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.address = Objects.requireNonNull(address, "address");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public boolean leader() {
    return true;
  }

  @Override
  public List<Member> members() {
    return List.of(new Member(nodeId, address, clock.instant(), true));
  }

  @Override
  public void close() {}
}
