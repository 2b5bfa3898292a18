package io.orchestrator.core.topology;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the container a process runs in from its {@code cgroup}: a bare container id, or a cgroup
 * path of docker, containerd/cri-containerd, CRI-O, podman/libpod or Kubernetes kubepods, in cgroup
 * v1 or v2 form, or whole {@code /proc/<pid>/cgroup} lines. Conmon (the runtime's monitor process)
 * scopes are never a container.
 */
final class ContainerIds {
  private static final int MIN_PREFIX = 12;
  private static final int FULL_ID = 64;
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
  private static final Pattern PROC_LINE_PREFIX = Pattern.compile("^\\d+:[^:]*:");
  private static final String[] RUNTIME_PREFIXES = {
    "docker-", "cri-containerd-", "crio-", "libpod-", "containerd-"
  };
  private static final Set<String> RUNTIME_DIRS =
      Set.of("docker", "libpod", "crio", "containerd", "cri-containerd");

  private ContainerIds() {}

  /** The container id (or unique prefix) named by {@code cgroup}, lower-cased; null if none. */
  static String candidate(String cgroup) {
    if (cgroup == null || cgroup.isBlank()) {
      return null;
    }
    String bare = cgroup.trim().toLowerCase(Locale.ROOT);
    if (isHex(bare, MIN_PREFIX)) {
      return bare;
    }
    for (String line : bare.split("\n", -1)) {
      String id = fromPath(PROC_LINE_PREFIX.matcher(line.trim()).replaceFirst(""));
      if (id != null) {
        return id;
      }
    }
    return null;
  }

  private static String fromPath(String path) {
    String[] segments = path.split("/", -1);
    for (int i = segments.length - 1; i >= 0; i--) {
      String seg = segments[i];
      if (seg.contains("conmon")) {
        return null;
      }
      if (seg.endsWith(".scope")) {
        seg = seg.substring(0, seg.length() - ".scope".length());
      }
      boolean runtime = i > 0 && RUNTIME_DIRS.contains(segments[i - 1]);
      int colon = seg.lastIndexOf(':');
      if (colon >= 0) {
        seg = seg.substring(colon + 1);
        runtime = true;
      }
      for (String prefix : RUNTIME_PREFIXES) {
        if (seg.startsWith(prefix)) {
          seg = seg.substring(prefix.length());
          runtime = true;
          break;
        }
      }
      if (isHex(seg, FULL_ID) || (runtime && isHex(seg, MIN_PREFIX))) {
        return seg;
      }
    }
    return null;
  }

  /**
   * Resolves a candidate against one agent's containers: the exact id, else the only container
   * whose id starts with the candidate (or that the candidate starts with), when at least 12 hex
   * digits long.
   *
   * @param byLowerId the agent's container ids, lower-cased, to the ids as sent
   * @return the matching container id as sent, or null when none or ambiguous
   */
  static String match(String candidate, Map<String, String> byLowerId) {
    if (candidate == null) {
      return null;
    }
    String exact = byLowerId.get(candidate);
    if (exact != null) {
      return exact;
    }
    String found = null;
    for (Map.Entry<String, String> e : byLowerId.entrySet()) {
      String id = e.getKey();
      boolean prefix =
          id.startsWith(candidate) || (id.length() >= MIN_PREFIX && candidate.startsWith(id));
      if (prefix) {
        if (found != null) {
          return null;
        }
        found = e.getValue();
      }
    }
    return found;
  }

  private static boolean isHex(String s, int minLength) {
    return s.length() >= minLength && s.length() <= FULL_ID && HEX.matcher(s).matches();
  }
}
