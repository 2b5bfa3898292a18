package io.orchestrator.core.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a query's terms left to right, remembering where each began so that every error names its
 * (1-based) position. Not thread-safe; one per parse.
 */
final class QueryParser {
  private static final String OPERATOR_CHARS = "<>=!";

  private final String s;
  private int pos;

  QueryParser(String text) {
    this.s = text;
  }

  List<Term> terms() {
    List<Term> terms = new ArrayList<>();
    while (true) {
      skipSpaces();
      if (pos >= s.length()) {
        return terms;
      }
      terms.add(term());
    }
  }

  private Term term() {
    if (s.charAt(pos) == '-'
        && pos + 1 < s.length()
        && !Character.isWhitespace(s.charAt(pos + 1))) {
      pos++;
      return new Term.Not(atom());
    }
    return atom();
  }

  private Term atom() {
    char c = s.charAt(pos);
    if (c == '"') {
      return new Term.Text(lower(phrase()));
    }
    if (c == '/') {
      int at = pos + 1;
      Pattern p = regex();
      return new Term.Regex(p, RequiredLiteral.of(p.pattern()), at);
    }
    int start = pos;
    String word = word();
    if (pos < s.length() && s.charAt(pos) == ':') {
      if (word.isEmpty()) {
        throw new QueryException("empty field name", start + 1);
      }
      pos++;
      return field(word.toLowerCase(Locale.ROOT), start);
    }
    int afterWord = pos;
    skipSpaces();
    if (pos < s.length() && OPERATOR_CHARS.indexOf(s.charAt(pos)) >= 0) {
      if (word.isEmpty()) {
        throw new QueryException("a comparison needs a metric name", pos + 1);
      }
      if (pos == afterWord && isPair()) {
        return new Term.Text(lower(tokenFrom(start))); // app=web: a label as text
      }
      return compare(word.toLowerCase(Locale.ROOT));
    }
    pos = afterWord;
    if (word.isEmpty()) {
      throw new QueryException("unexpected '" + s.charAt(pos) + "'", pos + 1);
    }
    return new Term.Text(lower(word));
  }

  private Term field(String name, int start) {
    if (pos >= s.length() || Character.isWhitespace(s.charAt(pos))) {
      throw new QueryException("field " + name + " needs a value", pos + 1);
    }
    char c = s.charAt(pos);
    if (c == '/') {
      int at = pos + 1;
      Pattern p = regex();
      return new Term.FieldRegex(name, p, RequiredLiteral.of(p.pattern()), at);
    }
    List<String> values =
        c == '"' ? List.of(phrase()) : Arrays.stream(until()).filter(v -> !v.isEmpty()).toList();
    if (values.isEmpty()) {
      throw new QueryException("field " + name + " needs a value", start + 1);
    }
    List<String> lower = values.stream().map(QueryParser::lower).toList();
    return name.equals("label") ? new Term.Label(values) : new Term.Field(name, lower);
  }

  private String[] until() {
    int start = pos;
    while (pos < s.length() && !Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
    return s.substring(start, pos).split(",", -1);
  }

  private Term compare(String metric) {
    int start = pos;
    while (pos < s.length() && OPERATOR_CHARS.indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String symbol = s.substring(start, pos);
    Term.Operator op = Term.Operator.of(symbol);
    if (op == null) {
      throw new QueryException("unknown operator '" + symbol + "'", start + 1);
    }
    skipSpaces();
    return new Term.Compare(metric, op, number());
  }

  /**
   * True for a single token {@code key=value} whose value is not a number: text (a label), not a
   * comparison.
   */
  private boolean isPair() {
    if (s.charAt(pos) != '='
        || (pos + 1 < s.length() && OPERATOR_CHARS.indexOf(s.charAt(pos + 1)) >= 0)) {
      return false;
    }
    int end = pos + 1;
    while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
      end++;
    }
    String value = s.substring(pos + 1, end);
    return !value.isEmpty() && !value.matches("[-+]?\\d+(\\.\\d+)?[KMGTkmgt]?");
  }

  /** The text from {@code from} up to the next space; moves past it. */
  private String tokenFrom(int from) {
    int end = from;
    while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
      end++;
    }
    String token = s.substring(from, end);
    pos = Math.max(pos, end);
    return token;
  }

  /** A number, optionally with K, M, G or T (powers of 1024). */
  private double number() {
    int start = pos;
    while (pos < s.length() && !Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
    String text = s.substring(start, pos);
    double unit = 1;
    if (!text.isEmpty()) {
      int exp = "KMGT".indexOf(Character.toUpperCase(text.charAt(text.length() - 1)));
      if (exp >= 0) {
        unit = Math.pow(1024, exp + 1);
        text = text.substring(0, text.length() - 1);
      }
    }
    try {
      if (!text.matches("[-+]?\\d+(\\.\\d+)?")) {
        throw new NumberFormatException(text);
      }
      return Double.parseDouble(text) * unit;
    } catch (NumberFormatException e) {
      throw new QueryException(
          text.isEmpty()
              ? "a comparison needs a number"
              : "bad number '" + s.substring(start, pos) + "'",
          start + 1);
    }
  }

  /** A word: up to a space, a colon, an operator or a quote. */
  private String word() {
    int start = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (Character.isWhitespace(c) || c == ':' || c == '"' || OPERATOR_CHARS.indexOf(c) >= 0) {
        break;
      }
      pos++;
    }
    return s.substring(start, pos);
  }

  /** {@code "..."}, where {@code \"} is a quote. */
  private String phrase() {
    int start = pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '\\' && pos < s.length() && s.charAt(pos) == '"') {
        sb.append('"');
        pos++;
      } else if (c == '"') {
        return sb.toString();
      } else {
        sb.append(c);
      }
    }
    throw new QueryException("unclosed quote", start + 1);
  }

  /** {@code /.../}, where {@code \/} is a slash; compiled case-insensitive. */
  private Pattern regex() {
    int start = pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '\\' && pos < s.length() && s.charAt(pos) == '/') {
        sb.append('/');
        pos++;
      } else if (c == '/') {
        try {
          return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
          throw new QueryException("invalid regex: " + e.getDescription(), start + 1);
        }
      } else {
        sb.append(c);
      }
    }
    throw new QueryException("unclosed regex", start + 1);
  }

  private void skipSpaces() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
