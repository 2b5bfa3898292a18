package io.orchestrator.core.query;

import java.util.List;
import java.util.OptionalDouble;
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

  /** A numeric metric by lower-case name, when it has one. */
  OptionalDouble metric(String name);

  /** True when it has label {@code key} (with {@code value}, unless that is null). */
  default boolean hasLabel(String key, String value) {
    return false;
  }
}
