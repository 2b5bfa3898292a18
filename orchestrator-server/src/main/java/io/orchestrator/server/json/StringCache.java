package io.orchestrator.server.json;

/**
 * A bounded, lossy cache of short strings read from reports, looked up by their characters before
 * any string is made. A probe sends the same process names, states, protocols and addresses every
 * 15 s, and a fleet's hosts share most of them: a hit costs no allocation, and the report that is
 * kept (the latest of each agent) holds a string already on the heap instead of a new copy that
 * survives long enough to be promoted and then dies in the old generation. At most {@value #SLOTS}
 * strings of at most {@value #MAX_LENGTH} characters: longer ones (command lines, cgroup paths) are
 * made afresh, and core shares them with the agent's previous report instead; looking them up here
 * cost more than it saved (side by side, caching up to 64, 32 and 16 characters gave 66, 73 and 78
 * % of a parse-only echo's throughput, no cache at all 75 %).
 *
 * <p>A slot keeps its hash beside it, so that a miss is told by one comparison of ints instead of
 * by reading a string elsewhere on the heap (on a loaded server, where the cache sat at a quarter
 * of the report path's samples, mostly waiting on memory). A string found again since the slot's
 * last miss gets a second chance: strings seen only once (a command line unique to its host)
 * replace only strings nobody asked for again, not the names and states every host shares.
 *
 * <p>Thread-safe: slots are written without locks; a lost or stale write, or a hash that does not
 * belong to the string beside it, only costs a miss, since a hit compares the characters (strings
 * are immutable and safely published).
 */
final class StringCache {
  static final int SLOTS = 1 << 15;
  static final int MAX_LENGTH = 16;

  private static final StringCache SHARED = new StringCache();

  private final String[] slots = new String[SLOTS];
  private final int[] hashes = new int[SLOTS];
  private final boolean[] foundAgain = new boolean[SLOTS];

  /** The one cache the report reader uses. */
  static StringCache shared() {
    return SHARED;
  }

  /** The string of {@code len} characters of {@code chars} at {@code off}. */
  String get(char[] chars, int off, int len) {
    if (len > MAX_LENGTH) {
      return new String(chars, off, len);
    }
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + chars[i];
    }
    int slot = (h ^ (h >>> 15)) & (SLOTS - 1);
    if (hashes[slot] == h) {
      String cached = slots[slot];
      if (cached != null && sameChars(cached, chars, off, len)) {
        if (!foundAgain[slot]) {
          foundAgain[slot] = true;
        }
        return cached;
      }
    }
    String s = new String(chars, off, len);
    if (foundAgain[slot]) {
      foundAgain[slot] = false;
    } else {
      slots[slot] = s;
      hashes[slot] = h;
    }
    return s;
  }

  private static boolean sameChars(String s, char[] chars, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != chars[off + i]) {
        return false;
      }
    }
    return true;
  }
}
