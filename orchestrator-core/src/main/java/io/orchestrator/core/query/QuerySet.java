package io.orchestrator.core.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Many queries tested against one subject at a time, as an alert evaluation does (DESIGN §12).
 * Queries whose cheapest term compares a metric ({@code cpu > 90}) are grouped by that metric: it
 * is read once per subject, each query's comparison is then a test of two numbers, and only the
 * queries whose comparison holds go on to their other terms. A hundred threshold rules over one
 * node thus cost a few metadata lookups instead of a hundred. The other queries run one after the
 * other, ordered so that consecutive ones read the same field. The answer is exactly which queries
 * {@link Query#matches} would accept, except that a query whose regex proves too expensive on a
 * subject's text ({@link Query#matches} throws) stops matching in this set (see {@link
 * #tripped()}).
 *
 * <pre>{@code
 * QuerySet set = new QuerySet(List.of(Query.parse("cpu > 90"), Query.parse("name:/^java/")));
 * int[] hits = new int[set.size()];
 * int n = set.matching(NodeSubject.of(node, topology), hits); // hits[0..n): indexes of matches
 * }</pre>
 *
 * <p>Thread-safe; immutable apart from which queries have tripped.
 */
public final class QuerySet {
  /** The queries whose first-tested term compares one metric. */
  private static final class Guarded {
    final String metric;
    final int[] index;
    final Term.Operator[] ops;
    final double[] numbers;
    final Query[] rest;

    Guarded(String metric, List<Integer> index, List<Term.Compare> guards, List<Query> rest) {
      this.metric = metric;
      this.index = index.stream().mapToInt(Integer::intValue).toArray();
      this.ops = guards.stream().map(Term.Compare::op).toArray(Term.Operator[]::new);
      this.numbers = guards.stream().mapToDouble(Term.Compare::number).toArray();
      this.rest = rest.toArray(Query[]::new);
    }
  }

  private final int size;
  private final Guarded[] guarded;
  private final int[] plainIndex;
  private final Query[] plain;
  private final AtomicIntegerArray tripped;

  /** The set of {@code queries}; {@link #matching} answers with indexes into this list. */
  public QuerySet(List<Query> queries) {
    this.size = queries.size();
    this.tripped = new AtomicIntegerArray(size);
    Map<String, List<Integer>> indexes = new LinkedHashMap<>();
    Map<String, List<Term.Compare>> guards = new LinkedHashMap<>();
    Map<String, List<Query>> rests = new LinkedHashMap<>();
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      Query q = queries.get(i);
      if (q.cheapest() instanceof Term.Compare c) {
        indexes.computeIfAbsent(c.metric(), m -> new ArrayList<>()).add(i);
        guards.computeIfAbsent(c.metric(), m -> new ArrayList<>()).add(c);
        rests.computeIfAbsent(c.metric(), m -> new ArrayList<>()).add(q.without(c));
      } else {
        others.add(i);
      }
    }
    this.guarded =
        indexes.keySet().stream()
            .map(m -> new Guarded(m, indexes.get(m), guards.get(m), rests.get(m)))
            .toArray(Guarded[]::new);
    // Stable: queries that read the same field run one after the other (NodeSubject remembers
    // its last lookups).
    others.sort(Comparator.comparing(i -> queries.get(i).firstField()));
    this.plainIndex = others.stream().mapToInt(Integer::intValue).toArray();
    this.plain = others.stream().map(queries::get).toArray(Query[]::new);
  }

  /** How many queries the set holds: the size {@link #matching}'s array needs. */
  public int size() {
    return size;
  }

  /**
   * Writes the indexes of the queries that match {@code subject} to the start of {@code into} (each
   * once, in no particular order) and returns how many there are.
   *
   * @throws IllegalArgumentException when {@code into} is shorter than {@link #size()}
   */
  public int matching(Subject subject, int[] into) {
    if (into.length < size) {
      throw new IllegalArgumentException("need room for " + size + " indexes, got " + into.length);
    }
    int n = 0;
    for (Guarded g : guarded) {
      double v = subject.metric(g.metric);
      if (Double.isNaN(v)) {
        continue; // a comparison with a missing metric never holds
      }
      for (int j = 0; j < g.index.length; j++) {
        if (g.ops[j].test(v, g.numbers[j]) && matches(g.index[j], g.rest[j], subject)) {
          into[n++] = g.index[j];
        }
      }
    }
    for (int j = 0; j < plain.length; j++) {
      if (matches(plainIndex[j], plain[j], subject)) {
        into[n++] = plainIndex[j];
      }
    }
    return n;
  }

  /**
   * Whether query {@code index} ({@code q}) matches. One whose regex proves too expensive on some
   * subject's text stops matching anything in this set, so that one bad query costs its budget once
   * rather than for every subject, and leaves the other queries their answers.
   */
  private boolean matches(int index, Query q, Subject subject) {
    if (tripped.get(index) != 0) {
      return false;
    }
    try {
      return q.matches(subject);
    } catch (QueryException e) {
      tripped.set(index, 1);
      return false;
    }
  }

  /** The indexes of the queries that stopped matching because a regex proved too expensive. */
  public List<Integer> tripped() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (tripped.get(i) != 0) {
        out.add(i);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "QuerySet[" + size + " queries, " + guarded.length + " metrics read once]";
  }

  /** For tests: the metrics read once per subject, in order. */
  List<String> guardMetrics() {
    return Arrays.stream(guarded).map(g -> g.metric).toList();
  }
}
