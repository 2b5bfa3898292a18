package io.orchestrator.core.query;

import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** One term of a query and how it matches. Immutable and thread-safe. */
sealed interface Term {
  boolean matches(Subject s);

  /** {@code word} or {@code "a phrase"}: a substring of any text. */
  record Text(String lowerNeedle) implements Term {
    @Override
    public boolean matches(Subject s) {
      return s.anyText(t -> Strings.containsIgnoreCase(t, lowerNeedle));
    }
  }

  /** {@code /regex/}: finds a match in any text. */
  record Regex(Pattern pattern) implements Term {
    @Override
    public boolean matches(Subject s) {
      return s.anyText(t -> pattern.matcher(t).find());
    }
  }

  /** {@code field:a,b}: one of the values is a substring of the field. */
  record Field(String name, List<String> lowerAnyOf) implements Term {
    @Override
    public boolean matches(Subject s) {
      for (String value : s.field(name)) {
        for (String needle : lowerAnyOf) {
          if (Strings.containsIgnoreCase(value, needle)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** {@code field:/regex/}: the regex finds a match in the field. */
  record FieldRegex(String name, Pattern pattern) implements Term {
    @Override
    public boolean matches(Subject s) {
      for (String value : s.field(name)) {
        if (pattern.matcher(value).find()) {
          return true;
        }
      }
      return false;
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
  }

  /** {@code metric OP number}: compares true; a subject without the metric does not match. */
  record Compare(String metric, Operator op, double number) implements Term {
    @Override
    public boolean matches(Subject s) {
      OptionalDouble v = s.metric(metric);
      return v.isPresent() && op.test(v.getAsDouble(), number);
    }
  }

  /** {@code -term}. */
  record Not(Term term) implements Term {
    @Override
    public boolean matches(Subject s) {
      return !term.matches(s);
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
