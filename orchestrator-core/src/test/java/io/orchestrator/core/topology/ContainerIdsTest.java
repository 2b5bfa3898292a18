package io.orchestrator.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerIdsTest {
  static final String ID = "4b5e57f6eb2f42b9039b3d1e13929295f231749c510cbe341cd68036d9af97e2";
  static final String OTHER = "34fb46c847bb9df96e5205a39d382f648a6e8dce1e014cd85b4ca6a88d88ed03";
  private static final Map<String, String> CONTAINERS = Map.of(ID, ID, OTHER, OTHER);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bare id                     | " + ID,
        "bare id upper-case          | 4B5E57F6EB2F42B9039B3D1E13929295F231749C510CBE341CD68036D9AF97E2",
        "bare 12-char prefix         | 4b5e57f6eb2f",
        "docker cgroup v1            | /docker/" + ID,
        "docker v1 proc line         | 12:memory:/docker/" + ID,
        "docker cgroup v2 systemd    | 0::/system.slice/docker-" + ID + ".scope",
        "docker short id under dir   | /docker/4b5e57f6eb2f42b9",
        "containerd cri systemd      | /system.slice/cri-containerd-" + ID + ".scope",
        "kubepods v1 cgroupfs        | /kubepods/besteffort/pod1f0e8c2a-7a5c-4f0e-9a7d-2b1c3d4e5f60/"
            + ID,
        "kubepods v2 containerd      | /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1f0e8c2a_7a5c.slice/cri-containerd-"
            + ID
            + ".scope",
        "kubepods systemd colon form | 0::/kubepods-burstable-pod1f0e8c2a_7a5c.slice:cri-containerd:"
            + ID,
        "kubepods docker runtime     | /kubepods.slice/kubepods-pod1f0e.slice/docker-"
            + ID
            + ".scope",
        "cri-o v2                    | /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod1.slice/crio-"
            + ID
            + ".scope",
        "cri-o v1                    | /kubepods/burstable/pod1/crio-" + ID,
        "podman v2                   | 0::/machine.slice/libpod-" + ID + ".scope/container",
        "podman v1                   | /libpod_parent/libpod-" + ID,
        "multi-line proc file        | '0::/\n1:name=systemd:/docker/" + ID + "'",
      })
  void linksToTheContainer(String name, String cgroup) {
    assertThat(ContainerIds.match(ContainerIds.candidate(cgroup), CONTAINERS))
        .as(name)
        .isEqualTo(ID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0::/",
        "/",
        "/user.slice/user-1000.slice/session-3.scope",
        "/system.slice/docker.service",
        "/system.slice/containerd.service",
        "/kubepods/burstable/pod1f0e8c2a-7a5c-4f0e-9a7d-2b1c3d4e5f60",
        "/machine.slice/libpod-conmon-" + ID + ".scope",
        "/system.slice/crio-conmon-" + ID + ".scope",
        "4b5e57f6eb2",
        "/docker/4b5e57f6eb2",
        "4b5e57f6eb2f42b9039b3d1e13929295f231749c510cbe341cd68036d9af97eg",
        "/system.slice/docker-"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + ".scope",
        "/foo/4b5e57f6eb2f42b9",
      })
  void nearMissesDoNotLink(String cgroup) {
    assertThat(ContainerIds.match(ContainerIds.candidate(cgroup), CONTAINERS)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcdef012345", "/docker/abcdef012345"})
  void ambiguousPrefixDoesNotLink(String cgroup) {
    Map<String, String> twins =
        Map.of("abcdef0123450000", "abcdef0123450000", "abcdef0123451111", "abcdef0123451111");
    assertThat(ContainerIds.match(ContainerIds.candidate(cgroup), twins)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/docker/" + ID})
  void containerSentWithShortIdMatchesFullCgroupId(String cgroup) {
    Map<String, String> shortIds = Map.of("4b5e57f6eb2f", "4b5e57f6eb2f");
    assertThat(ContainerIds.match(ContainerIds.candidate(cgroup), shortIds))
        .isEqualTo("4b5e57f6eb2f");
  }
}
