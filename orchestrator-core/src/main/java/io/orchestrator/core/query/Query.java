package io.orchestrator.core.query;

import java.util.List;
import java.util.Objects;

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

  Query(String text, List<Term> terms) {
    this.text = text;
    this.terms = List.copyOf(terms);
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

  /** True when every term matches {@code subject}. */
  public boolean matches(Subject subject) {
    for (Term t : terms) {
      if (!t.matches(subject)) {
        return false;
      }
    }
    return true;
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
