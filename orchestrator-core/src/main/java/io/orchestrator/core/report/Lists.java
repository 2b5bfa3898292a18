package io.orchestrator.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that accept the wire's null arrays, maps and elements. */
final class Lists {
  private Lists() {}

  /** An unmodifiable copy; null becomes empty. Null elements are kept for validation to name. */
  static <T> List<T> copyOf(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An unmodifiable, order-preserving copy; null becomes empty. */
  static Map<String, String> copyOf(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
