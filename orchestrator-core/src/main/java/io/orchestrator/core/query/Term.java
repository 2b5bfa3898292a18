package io.orchestrator.core.query;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** One term of a query and how it matches. Immutable and thread-safe. */
sealed interface Term {
  boolean matches(Subject s);

  /** Relative cost of {@link #matches}: a number lookup is cheapest, a regex dearest. */
  int cost();

  /** The field or metric it reads; {@code ""} when it reads all text. */
  default String field() {
    return "";
  }

  /** {@code word} or {@code "a phrase"}: a substring of any text. */
  record Text(String lowerNeedle) implements Term, Predicate<String> {
    @Override
    public boolean matches(Subject s) {
      return s.anyText(this);
    }

    @Override
    public boolean test(String text) {
      return Strings.containsIgnoreCase(text, lowerNeedle);
    }

    @Override
    public int cost() {
      return 3;
    }
  }

  /**
   * {@code /regex/}: finds a match in any text. {@code required} is text every match contains
   * ({@link RequiredLiteral}), or null; {@code position} is where the regex starts in the query.
   */
  record Regex(Pattern pattern, String required, int position) implements Term, Predicate<String> {
    @Override
    public boolean matches(Subject s) {
      return s.anyText(this);
    }

    @Override
    public boolean test(String text) {
      return Strings.find(pattern, required, text, position);
    }

    @Override
    public int cost() {
      return 5;
    }
  }

  /** {@code field:a,b}: one of the values is a substring of the field. */
  record Field(String name, List<String> lowerAnyOf) implements Term, Predicate<String> {
    @Override
    public boolean matches(Subject s) {
      return s.anyField(name, this);
    }

    @Override
    public String field() {
      return name;
    }

    @Override
    public boolean test(String value) {
      for (String needle : lowerAnyOf) {
        if (Strings.containsIgnoreCase(value, needle)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int cost() {
      return 1;
    }
  }

  /**
   * {@code field:/regex/}: the regex finds a match in the field; {@code required} and {@code
   * position} as for Regex.
   */
  record FieldRegex(String name, Pattern pattern, String required, int position)
      implements Term, Predicate<String> {
    @Override
    public boolean matches(Subject s) {
      return s.anyField(name, this);
    }

    @Override
    public String field() {
      return name;
    }

    @Override
    public boolean test(String value) {
      return Strings.find(pattern, required, value, position);
    }

    @Override
    public int cost() {
      return 4;
    }
  }

  /** {@code label:app} (has the key) or {@code label:app=web} (has the pair); any of a,b. */
  record Label(List<String> anyOf) implements Term {
    @Override
    public boolean matches(Subject s) {
      for (String l : anyOf) {
        int eq = l.indexOf('=');
        if (eq < 0 ? s.hasLabel(l, null) : s.hasLabel(l.substring(0, eq), l.substring(eq + 1))) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int cost() {
      return 2;
    }
  }

  /** {@code metric OP number}: compares true; a subject without the metric does not match. */
  record Compare(String metric, Operator op, double number) implements Term {
    @Override
    public boolean matches(Subject s) {
      double v = s.metric(metric);
      return !Double.isNaN(v) && op.test(v, number);
    }

    @Override
    public String field() {
      return metric;
    }

    @Override
    public int cost() {
      return 0;
    }
  }

  /** {@code -term}. */
  record Not(Term term) implements Term {
    @Override
    public boolean matches(Subject s) {
      return !term.matches(s);
    }

    @Override
    public String field() {
      return term.field();
    }

    @Override
    public int cost() {
      return term.cost();
    }
  }

  /** The comparison operators. */
  enum Operator {
    LT("<"),
    LE("<="),
    EQ("="),
    NE("!="),
    GE(">="),
    GT(">");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    boolean test(double a, double b) {
      return switch (this) {
        case LT -> a < b;
        case LE -> a <= b;
        case EQ -> a == b;
        case NE -> a != b;
        case GE -> a >= b;
        case GT -> a > b;
      };
    }

    static Operator of(String symbol) {
      for (Operator o : values()) {
        if (o.symbol.equals(symbol)) {
          return o;
        }
      }
      return null;
    }
  }
}
