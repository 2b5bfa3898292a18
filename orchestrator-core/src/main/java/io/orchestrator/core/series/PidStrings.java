package io.orchestrator.core.series;

/**
 * Pids in decimal, shared: every report names its processes by pid, and a process series is found
 * by that string, so a fresh string per process and report would be allocated and hashed again each
 * time. A direct-mapped cache of {@link #SLOTS} entries (a slot holds the last pid that mapped to
 * it), so it stays bounded whatever pids a host reaches. Thread-safe: entries are immutable, and a
 * lost race costs only a string.
 */
final class PidStrings {
  private static final int SLOTS = 1 << 13;
  private static final Entry[] CACHE = new Entry[SLOTS];

  private PidStrings() {}

  static String of(int pid) {
    int slot = pid & (SLOTS - 1);
    Entry e = CACHE[slot];
    if (e == null || e.pid() != pid) {
      e = new Entry(pid, Integer.toString(pid));
      CACHE[slot] = e;
    }
    return e.text();
  }

  private record Entry(int pid, String text) {}
}
