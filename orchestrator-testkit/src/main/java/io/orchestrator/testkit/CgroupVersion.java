package io.orchestrator.testkit;

/** The cgroup hierarchy a simulated host uses. Immutable and thread-safe. */
public enum CgroupVersion {
  /** Legacy per-controller hierarchies ({@code 12:memory:/docker/<id>}-style paths). */
  V1,
  /** The unified hierarchy ({@code 0::/system.slice/docker-<id>.scope}-style paths). */
  V2
}
