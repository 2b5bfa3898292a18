package io.orchestrator.core.query;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a query looks at: a topology node or edge, as text, fields and numbers. Implementations are
 * cheap views over immutable objects and are thread-safe.
 */
public interface Subject {
  /** True when {@code test} holds for any of its text (id, type, name, metadata values, ...). */
  boolean anyText(Predicate<String> test);

  /** The values of a field, or an empty list when it has none. {@code name} is lower-case. */
  List<String> field(String name);

  /**
   * True when {@code test} holds for any value of a field. Implementations override it to test
   * their values without building a list.
   */
  default boolean anyField(String name, Predicate<String> test) {
    for (String v : field(name)) {
      if (test.test(v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A numeric metric by lower-case name, or NaN when it has none. (A primitive, not an optional: an
   * evaluation asks millions of times.)
   */
  double metric(String name);

  /** True when it has label {@code key} (with {@code value}, unless that is null). */
  default boolean hasLabel(String key, String value) {
    return false;
  }
}
