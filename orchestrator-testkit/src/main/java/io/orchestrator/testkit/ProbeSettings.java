package io.orchestrator.testkit;

import java.util.List;
import java.util.Objects;

/**
 * Everything that shapes a simulated host.
 *
 * @param agentId the agent id
 * @param hostname the hostname it reports
 * @param ip its address
 * @param seed the random seed
 * @param runtime its container runtime
 * @param cgroupVersion its cgroup hierarchy
 * @param containers containers per report
 * @param processes processes per report
 * @param connections connections per report
 * @param peers addresses of the hosts it connects to
 */
record ProbeSettings(
    String agentId,
    String hostname,
    String ip,
    long seed,
    ContainerRuntime runtime,
    CgroupVersion cgroupVersion,
    int containers,
    int processes,
    int connections,
    List<String> peers) {
  ProbeSettings {
    Objects.requireNonNull(agentId, "agentId");
    peers = List.copyOf(peers);
    if (containers < 0 || processes < 0 || connections < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
