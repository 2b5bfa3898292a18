package io.orchestrator.core.query;

/** Case-insensitive matching without allocating. Stateless. */
final class Strings {
  private Strings() {}

  /** True when {@code lowerNeedle} (already lower-case) occurs in {@code haystack}, any case. */
  static boolean containsIgnoreCase(String haystack, String lowerNeedle) {
    int n = lowerNeedle.length();
    int last = haystack.length() - n;
    if (n == 0) {
      return true;
    }
    char first = lowerNeedle.charAt(0);
    for (int i = 0; i <= last; i++) {
      char c = haystack.charAt(i);
      if ((c == first || Character.toLowerCase(c) == first)
          && haystack.regionMatches(true, i, lowerNeedle, 0, n)) {
        return true;
      }
    }
    return false;
  }
}
