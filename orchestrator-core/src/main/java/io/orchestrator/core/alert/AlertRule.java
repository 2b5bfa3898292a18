package io.orchestrator.core.alert;

import io.orchestrator.core.query.Query;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An alert rule (DESIGN §12): what to look at ({@code kind}), which of it is in trouble ({@code
 * query}), for how long before it fires ({@code forDuration}), and what to say. Build one with
 * {@link #builder(String)}; every check names the field at fault. Immutable and thread-safe.
 *
 * @param name {@code [A-Za-z0-9_.-]{1,128}}; the {@code alertname} label
 * @param kind nodes, edges or stale agents
 * @param query which of them alert; required but for {@code agent_stale} (where empty means all)
 * @param forDuration how long a condition holds before its alert fires; zero fires at once
 * @param severity the {@code severity} label
 * @param labels added to every alert's labels (never one the rule sets itself)
 * @param annotations added to every alert; {@code {{ $labels.x }}} and {@code {{ $value }}} are
 *     filled in
 */
public record AlertRule(
    String name,
    RuleKind kind,
    Query query,
    Duration forDuration,
    Severity severity,
    Map<String, String> labels,
    Map<String, String> annotations) {
  /** Labels an alert gets from its rule and subject, which a rule's labels may not set. */
  public static final Set<String> RESERVED_LABELS =
      Set.of(
          "alertname",
          "severity",
          "node_id",
          "node_type",
          "agent_id",
          "source",
          "target",
          "hostname");

  static final int MAX_QUERY = 2048;
  static final int MAX_ENTRIES = 32;
  static final Duration MAX_FOR = Duration.ofDays(7);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  /** Validates every field; labels and annotations are copied in name order. */
  public AlertRule {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidRuleException("name", "must be 1-128 of A-Z a-z 0-9 _ . -");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    if (query == null || (query.isEmpty() && kind != RuleKind.AGENT_STALE)) {
      throw new InvalidRuleException("query", "required for a " + kind.wireName() + " rule");
    }
    if (query.text().length() > MAX_QUERY) {
      throw new InvalidRuleException("query", "longer than " + MAX_QUERY + " characters");
    }
    if (forDuration == null || forDuration.isNegative() || forDuration.compareTo(MAX_FOR) > 0) {
      throw new InvalidRuleException("for", "must be between 0s and 168h");
    }
    labels = entries("labels", labels, 1024, true);
    annotations = entries("annotations", annotations, 4096, false);
  }

  /** A builder for a rule named {@code name}: kind query, severity warning, for 0s. */
  public static AlertRuleBuilder builder(String name) {
    return new AlertRuleBuilder(name);
  }

  private static Map<String, String> entries(
      String field, Map<String, String> in, int maxValue, boolean labels) {
    if (in == null) {
      return Map.of();
    }
    if (in.size() > MAX_ENTRIES) {
      throw new InvalidRuleException(field, "at most " + MAX_ENTRIES + " entries");
    }
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : in.entrySet()) {
      String key = e.getKey();
      if (key == null || !LABEL_NAME.matcher(key).matches()) {
        throw new InvalidRuleException(
            field + "." + key, "names are [A-Za-z_][A-Za-z0-9_]*, at most 128 characters");
      }
      if (labels && RESERVED_LABELS.contains(key)) {
        throw new InvalidRuleException(field + "." + key, "is set by the rule itself");
      }
      String value = e.getValue();
      if (value == null || value.length() > maxValue || hasControl(value, labels)) {
        throw new InvalidRuleException(
            field + "." + key, "must be text of at most " + maxValue + " characters");
      }
      out.put(key, value);
    }
    return Collections.unmodifiableMap(out);
  }

  private static boolean hasControl(String s, boolean strict) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) && (strict || (c != '\n' && c != '\t'))) {
        return true;
      }
    }
    return false;
  }
}
