package io.orchestrator.testkit;

/**
 * The container runtime of a simulated host; decides the {@code cgroup} its processes report.
 * Immutable and thread-safe.
 */
public enum ContainerRuntime {
  /** Docker (cgroupfs under v1, systemd scopes under v2). */
  DOCKER,
  /** containerd through the Kubernetes CRI. */
  CONTAINERD,
  /** CRI-O. */
  CRIO,
  /** Podman / libpod. */
  PODMAN;

  /** The cgroup path a process in container {@code id} (of pod {@code pod}) reports. */
  String cgroup(String id, String pod, CgroupVersion version) {
    boolean v1 = version == CgroupVersion.V1;
    return switch (this) {
      case DOCKER -> v1 ? "12:memory:/docker/" + id : "0::/system.slice/docker-" + id + ".scope";
      case CONTAINERD ->
          v1
              ? "/kubepods/burstable/pod" + pod + "/" + id
              : "0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod"
                  + pod.replace('-', '_')
                  + ".slice/cri-containerd-"
                  + id
                  + ".scope";
      case CRIO ->
          v1
              ? "/kubepods/besteffort/pod" + pod + "/crio-" + id
              : "0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod"
                  + pod.replace('-', '_')
                  + ".slice/crio-"
                  + id
                  + ".scope";
      case PODMAN ->
          v1
              ? "/libpod_parent/libpod-" + id
              : "0::/machine.slice/libpod-" + id + ".scope/container";
    };
  }
}
