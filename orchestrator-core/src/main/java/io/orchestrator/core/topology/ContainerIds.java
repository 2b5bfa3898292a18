package io.orchestrator.core.topology;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the container a process runs in from its {@code cgroup}: a bare container id, or a cgroup
 * path of docker, containerd/cri-containerd, CRI-O, podman/libpod or Kubernetes kubepods, in cgroup
 * v1 or v2 form, or whole {@code /proc/<pid>/cgroup} lines. Conmon (the runtime's monitor process)
 * scopes are never a container.
 */
final class ContainerIds {
  private static final int MIN_PREFIX = 12;
  private static final int FULL_ID = 64;
  private static final List<String> RUNTIME_PREFIXES =
      List.of("docker-", "cri-containerd-", "crio-", "libpod-", "containerd-");
  private static final List<String> RUNTIME_DIRS =
      List.of("docker", "libpod", "crio", "containerd", "cri-containerd");

  private ContainerIds() {}

  /** The container id (or unique prefix) named by {@code cgroup}, lower-cased; null if none. */
  static String candidate(String cgroup) {
    if (cgroup == null) {
      return null;
    }
    int from = 0;
    while (from < cgroup.length()) {
      int nl = cgroup.indexOf('\n', from);
      int end = nl < 0 ? cgroup.length() : nl;
      int[] line = trimmed(cgroup, from, end);
      if (isHex(cgroup, line[0], line[1], MIN_PREFIX)) {
        return cgroup.substring(line[0], line[1]).toLowerCase(Locale.ROOT);
      }
      String id = fromPath(cgroup, afterProcPrefix(cgroup, line[0], line[1]), line[1]);
      if (id != null) {
        return id.isEmpty() ? null : id.toLowerCase(Locale.ROOT);
      }
      from = end + 1;
    }
    return null;
  }

  private static int[] trimmed(String s, int from, int to) {
    int a = from;
    int b = to;
    while (a < b && Character.isWhitespace(s.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
      b--;
    }
    return new int[] {a, b};
  }

  /** Skips the {@code hierarchy-id:controllers:} prefix of a {@code /proc/<pid>/cgroup} line. */
  private static int afterProcPrefix(String s, int from, int to) {
    if (from == to || !Character.isDigit(s.charAt(from))) {
      return from;
    }
    int first = s.indexOf(':', from);
    int second = first < 0 || first >= to ? -1 : s.indexOf(':', first + 1);
    return second < 0 || second >= to ? from : second + 1;
  }

  /** The id in the path {@code s[from, to)}; "" when a conmon scope rules it out. */
  private static String fromPath(String s, int from, int to) {
    int end = to;
    while (end > from) {
      int slash = s.lastIndexOf('/', end - 1);
      int start = Math.max(slash + 1, from);
      boolean underRuntimeDir = slash > from && isRuntimeDir(s, from, slash);
      String id = fromSegment(s, start, end, underRuntimeDir);
      if (id != null) {
        return id;
      }
      end = start - 1;
    }
    return null;
  }

  private static boolean isRuntimeDir(String s, int from, int slash) {
    int start = Math.max(s.lastIndexOf('/', slash - 1) + 1, from);
    for (String dir : RUNTIME_DIRS) {
      if (slash - start == dir.length() && s.startsWith(dir, start)) {
        return true;
      }
    }
    return false;
  }

  /** The id in segment {@code s[a, b)}; "" to stop (a conmon scope), null to look upward. */
  private static String fromSegment(String s, int a, int b, boolean underRuntimeDir) {
    int conmon = s.indexOf("conmon", a);
    if (conmon >= 0 && conmon + 6 <= b) {
      return "";
    }
    int end = b - a >= 6 && s.startsWith(".scope", b - 6) ? b - 6 : b;
    int start = a;
    boolean runtime = underRuntimeDir;
    int colon = s.lastIndexOf(':', end - 1);
    if (colon >= start) {
      start = colon + 1;
      runtime = true;
    }
    for (String prefix : RUNTIME_PREFIXES) {
      if (s.startsWith(prefix, start) && start + prefix.length() <= end) {
        start += prefix.length();
        runtime = true;
        break;
      }
    }
    boolean id = isHex(s, start, end, FULL_ID) || (runtime && isHex(s, start, end, MIN_PREFIX));
    return id ? s.substring(start, end) : null;
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

  private static boolean isHex(String s, int from, int to, int minLength) {
    int length = to - from;
    if (length < minLength || length > FULL_ID) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) {
        return false;
      }
    }
    return true;
  }
}
