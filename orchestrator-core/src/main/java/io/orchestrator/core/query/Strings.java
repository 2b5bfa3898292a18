package io.orchestrator.core.query;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Case-insensitive matching without allocating. Stateless. */
final class Strings {
  private static final int MAX_MATCHERS = 256;
  private static final ThreadLocal<Map<Pattern, Matcher>> MATCHERS =
      ThreadLocal.withInitial(IdentityHashMap::new);

  private Strings() {}

  /**
   * {@link #find(Pattern, String)}, but false at once when {@code text} lacks {@code required}
   * (text every match contains, or null when none is known): an {@code indexOf} instead of a run of
   * the regex engine for most subjects.
   */
  static boolean find(Pattern pattern, String required, String text) {
    return (required == null || text.contains(required)) && find(pattern, text);
  }

  /**
   * {@code pattern.matcher(text).find()} with one matcher per pattern and thread, reset for each
   * text: a search over 100,000 subjects would otherwise allocate 100,000 matchers.
   */
  private static boolean find(Pattern pattern, String text) {
    Map<Pattern, Matcher> matchers = MATCHERS.get();
    Matcher m = matchers.get(pattern);
    if (m == null) {
      if (matchers.size() >= MAX_MATCHERS) {
        matchers.clear();
      }
      m = pattern.matcher(text);
      matchers.put(pattern, m);
    } else {
      m.reset(text);
    }
    boolean found = m.find();
    m.reset(""); // hold no subject's text once done
    return found;
  }

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
