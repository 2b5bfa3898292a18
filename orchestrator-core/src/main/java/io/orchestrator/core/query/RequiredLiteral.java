package io.orchestrator.core.query;

/**
 * Finds text that every match of a regex contains, so that a plain {@link String#indexOf} can
 * reject most subjects before the regex engine runs (the prefilter RE2 and Hyperscan use): {@code
 * :(22|3389)$} needs a {@code :}, {@code ^svc-3$} needs {@code -3}. Only ASCII digits, punctuation
 * and spaces qualify, because they have no other case under {@code CASE_INSENSITIVE | UNICODE_CASE}
 * ({@code k} also matches the Kelvin sign). Patterns it does not fully understand (character
 * classes, inline flags, quoting, escapes that take arguments, a top-level {@code |}) have no
 * required literal: an answer of null is always safe. Stateless.
 */
final class RequiredLiteral {
  /** Escapes that stand for one character of a class, or a position, and take no argument. */
  private static final String PLAIN_ESCAPES = "dDsSwWbBAGZzhHvVRX";

  private static final String META = ".^$|()[]{}*+?\\";
  private static final String QUANTIFIERS = "?*+{";

  private RequiredLiteral() {}

  /** The longest text every match of {@code regex} contains, or null when none is known. */
  static String of(String regex) {
    if (regex.indexOf('[') >= 0 || regex.contains("(?") || regex.contains("\\Q")) {
      return null;
    }
    StringBuilder run = new StringBuilder(); // adjacent top-level literals that qualify
    String best = "";
    int depth = 0;
    boolean lastInRun = false; // the previous atom is the run's last character
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (QUANTIFIERS.indexOf(c) >= 0) {
        if (c == '{' && (i = regex.indexOf('}', i)) < 0) {
          return null;
        }
        if (lastInRun) {
          run.setLength(run.length() - 1); // the atom it quantifies may be absent or repeated
        }
        best = longer(best, run);
        run.setLength(0);
        lastInRun = false;
        continue;
      }
      char literal = 0;
      if (c == '\\') {
        if (++i == regex.length()) {
          return null;
        }
        char e = regex.charAt(i);
        if (!Character.isLetterOrDigit(e)) {
          literal = e;
        } else if (PLAIN_ESCAPES.indexOf(e) < 0) {
          return null; // \x41, \1, \p{L}, \k<n>, ...: arguments this reader does not parse
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return null; // either side may match: nothing is required
      } else if (META.indexOf(c) < 0) {
        literal = c;
      }
      lastInRun = depth == 0 && literal != 0 && qualifies(literal);
      if (lastInRun) {
        run.append(literal);
      } else {
        best = longer(best, run);
        run.setLength(0);
      }
    }
    best = longer(best, run);
    return best.isEmpty() ? null : best;
  }

  private static boolean qualifies(char c) {
    return c < 128 && c >= ' ' && !Character.isLetter(c);
  }

  private static String longer(String best, StringBuilder run) {
    return run.length() > best.length() ? run.toString() : best;
  }
}
