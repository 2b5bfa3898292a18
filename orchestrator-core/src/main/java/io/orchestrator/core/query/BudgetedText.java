package io.orchestrator.core.query;

/**
 * A text that the regex engine may read only so many times: {@code java.util.regex} backtracks, and
 * a pattern like {@code ((a+)+)+b} reads a 40-character text billions of times. Counting reads
 * (every step of the engine reads a character) bounds each match without a thread or a clock. Not
 * thread-safe: one per thread, reset for each text.
 */
final class BudgetedText implements CharSequence {
  /** Reads allowed for any text, plus {@link #READS_PER_CHAR} per character. */
  private static final long BASE_READS = 100_000;

  /**
   * Enough for any pattern that is linear or quadratic in practice on texts a topology holds
   * (names, command lines, labels); the exponential ones exhaust it within a millisecond or two.
   */
  private static final long READS_PER_CHAR = 1_000;

  private String text = "";
  private long left;

  /**
   * Thrown from a read once the budget is spent; without a stack, as it only unwinds the engine.
   */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted() {
      super("regex read budget spent", null, false, false);
    }
  }

  void reset(String text) {
    this.text = text;
    this.left = BASE_READS + READS_PER_CHAR * text.length();
  }

  @Override
  public char charAt(int index) {
    if (--left < 0) {
      throw new Exhausted();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
