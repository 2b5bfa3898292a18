package io.orchestrator.core.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A parsed query of DESIGN §9.1: terms that must all match, case-insensitively.
 *
 * <pre>{@code
 * Query q = Query.parse("type:container image:nginx -state:running cpu > 50");
 * boolean hit = q.matches(NodeSubject.of(node, topology));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Query {
  private static final Query ALL = new Query("", List.of());

  private final String text;
  private final List<Term> terms;
  private final Term[] cheapestFirst;

  Query(String text, List<Term> terms) {
    this.text = text;
    this.terms = List.copyOf(terms);
    // All terms must match, so their order is free: cheap comparisons first spare most subjects
    // the regexes.
    this.cheapestFirst =
        terms.stream().sorted(Comparator.comparingInt(Term::cost)).toArray(Term[]::new);
  }

  /**
   * Parses {@code text}; null or blank matches everything.
   *
   * @throws QueryException naming the problem and its position
   */
  public static Query parse(String text) {
    if (text == null || text.isBlank()) {
      return ALL;
    }
    return new Query(text, new QueryParser(text).terms());
  }

  /** A query matching everything. */
  public static Query all() {
    return ALL;
  }

  /**
   * True when every term matches {@code subject}.
   *
   * @throws QueryException when a regex of this query backtracks too much on a text of the subject
   *     (each match has a budget of steps in proportion to the text)
   */
  public boolean matches(Subject subject) {
    for (Term t : cheapestFirst) {
      if (!t.matches(subject)) {
        return false;
      }
    }
    return true;
  }

  /**
   * This query as it applies to nodes of type {@code wireName}: empty when none can match, else
   * without its {@code type:} terms, which hold for every such node. An evaluator that groups
   * subjects by type then never tests a type term again.
   */
  public Optional<Query> forType(String wireName) {
    if (!mayMatchType(wireName)) {
      return Optional.empty();
    }
    List<Term> rest = new ArrayList<>(terms.size());
    for (Term t : terms) {
      if (!(t instanceof Term.Field f && f.name().equals("type"))) {
        rest.add(t);
      }
    }
    return Optional.of(rest.size() == terms.size() ? this : new Query(text, rest));
  }

  /**
   * The value of the first comparison in the query ({@code cpu} in {@code type:host cpu > 90}) for
   * {@code subject}, when the query compares a metric the subject has: what an alert reports.
   */
  public OptionalDouble value(Subject subject) {
    for (Term t : terms) {
      if (t instanceof Term.Compare c) {
        double v = subject.metric(c.metric());
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * False when no subject of type {@code wireName} can match: a {@code type:} term requires another
   * type. Lets an evaluator skip whole types without looking at each subject.
   */
  public boolean mayMatchType(String wireName) {
    for (Term t : terms) {
      if (t instanceof Term.Field f && f.name().equals("type")) {
        boolean any = false;
        for (String needle : f.lowerAnyOf()) {
          any |= Strings.containsIgnoreCase(wireName, needle);
        }
        if (!any) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The field or metric its first-tested term reads ({@code ""} for a text or regex term, or none):
   * an evaluator running many queries over one subject orders them by it, so that consecutive
   * queries read the same field.
   */
  public String firstField() {
    return cheapestFirst.length == 0 ? "" : cheapestFirst[0].field();
  }

  /** The term {@link #matches} tests first, or null for the query that matches everything. */
  Term cheapest() {
    return cheapestFirst.length == 0 ? null : cheapestFirst[0];
  }

  /** This query without {@code term} (one occurrence): what is left to test once it held. */
  Query without(Term term) {
    List<Term> rest = new ArrayList<>(terms);
    rest.remove(term);
    return new Query(text, rest);
  }

  /** True for the query that matches everything. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** The query as given. */
  public String text() {
    return text;
  }

  /** The terms, for those who render a query. */
  List<Term> terms() {
    return terms;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Query q && q.text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  @Override
  public String toString() {
    return "Query[" + text + "]";
  }
}
