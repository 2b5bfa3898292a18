package io.orchestrator.server.json;

/**
 * A bounded, lossy cache of short strings read from reports, looked up by their characters before
 * any string is made. A probe sends the same process names, states, protocols and addresses every
 * 15 s, and a fleet's hosts share most of them: a hit costs no allocation, and the report that is
 * kept (the latest of each agent) holds a string already on the heap instead of a new copy that
 * survives long enough to be promoted and then dies in the old generation. A slot holds the last
 * string that hashed to it; at most {@value #SLOTS} strings of at most {@value #MAX_LENGTH}
 * characters. Thread-safe: slots are written without locks, and a lost or stale write only costs a
 * miss (strings are immutable and safely published).
 */
final class StringCache {
  static final int SLOTS = 1 << 15;
  static final int MAX_LENGTH = 64;

  private static final StringCache SHARED = new StringCache();

  private final String[] slots = new String[SLOTS];

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
    String cached = slots[slot];
    if (cached != null && sameChars(cached, chars, off, len)) {
      return cached;
    }
    String s = new String(chars, off, len);
    slots[slot] = s;
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
