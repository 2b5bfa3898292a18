package io.orchestrator.core.query;

import java.util.IdentityHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Case-insensitive matching without allocating. Thread-safe: per-thread scratch state. */
final class Strings {
  private static final int MAX_MATCHERS = 256;
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private Strings() {}

  /**
   * {@link #find(Pattern, String, int)}, but false at once when {@code text} lacks {@code required}
   * (text every match contains, or null when none is known): an {@code indexOf} instead of a run of
   * the regex engine for most subjects.
   */
  static boolean find(Pattern pattern, String required, String text, int position) {
    return (required == null || text.contains(required)) && find(pattern, text, position);
  }

  /**
   * {@code pattern.matcher(text).find()} with one matcher per pattern and thread, reset for each
   * text: a search over 100,000 subjects would otherwise allocate 100,000 matchers. The engine
   * reads the text through a {@link BudgetedText}, so a pattern that backtracks without end is
   * refused rather than left to hold the thread.
   *
   * @throws QueryException when matching {@code text} would take more than its budget; {@code
   *     position} is the regex's place in the query
   */
  private static boolean find(Pattern pattern, String text, int position) {
    Scratch scratch = SCRATCH.get();
    Matcher m = scratch.matchers.get(pattern);
    if (m == null) {
      if (scratch.matchers.size() >= MAX_MATCHERS) {
        scratch.matchers.clear();
      }
      m = pattern.matcher("");
      scratch.matchers.put(pattern, m);
    }
    scratch.text.reset(text);
    try {
      return m.reset(scratch.text).find();
    } catch (BudgetedText.Exhausted e) {
      throw new QueryException(
          "regex too expensive: it backtracks without end on a text of "
              + text.length()
              + " characters; simplify it (for example, no nested repetition like (a+)+)",
          position);
    } finally {
      m.reset(""); // hold no subject's text once done
      scratch.text.reset("");
    }
  }

  /** A thread's matchers and the text they read. */
  private static final class Scratch {
    final IdentityHashMap<Pattern, Matcher> matchers = new IdentityHashMap<>();
    final BudgetedText text = new BudgetedText();
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
