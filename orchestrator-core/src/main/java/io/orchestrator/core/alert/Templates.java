package io.orchestrator.core.alert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's annotations as templates, the way Prometheus users write them: {@code {{ $labels.name
 * }}} and {@code {{ $value }}}; a label the alert lacks reads as empty, and nothing else is
 * interpreted. Parsed once per rule, filled per alert without regexes. Immutable and thread-safe.
 */
final class Templates {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*\\$(?:labels\\.([A-Za-z_][A-Za-z0-9_]*)|(value))\\s*}}");

  /** A template's parts: literal text, a label name, or (null) the value. */
  private record Part(String literal, String label) {}

  private final Map<String, List<Part>> parsed;
  private final Map<String, String> constant;

  private Templates(Map<String, List<Part>> parsed, Map<String, String> constant) {
    this.parsed = parsed;
    this.constant = constant;
  }

  static Templates of(Map<String, String> annotations) {
    Map<String, List<Part>> parsed = new TreeMap<>();
    Map<String, String> constant = new TreeMap<>();
    annotations.forEach(
        (k, v) -> {
          if (v.contains("{{")) {
            parsed.put(k, parse(v));
          } else {
            constant.put(k, v);
          }
        });
    return new Templates(parsed, constant);
  }

  private static List<Part> parse(String template) {
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int last = 0;
    while (m.find()) {
      parts.add(new Part(template.substring(last, m.start()), null));
      parts.add(new Part(null, m.group(1))); // label name, or null for the value
      last = m.end();
    }
    parts.add(new Part(template.substring(last), null));
    return parts;
  }

  /** True when filling depends on the value (so a new value means new annotations). */
  boolean usesValue() {
    for (List<Part> parts : parsed.values()) {
      for (Part p : parts) {
        if (p.literal() == null && p.label() == null) {
          return true;
        }
      }
    }
    return false;
  }

  Map<String, String> fill(Map<String, String> labels, Double value) {
    if (parsed.isEmpty()) {
      return Collections.unmodifiableMap(constant);
    }
    Map<String, String> out = new TreeMap<>(constant);
    parsed.forEach(
        (k, parts) -> {
          StringBuilder sb = new StringBuilder();
          for (Part p : parts) {
            if (p.literal() != null) {
              sb.append(p.literal());
            } else if (p.label() != null) {
              sb.append(labels.getOrDefault(p.label(), ""));
            } else {
              sb.append(format(value));
            }
          }
          out.put(k, sb.toString());
        });
    return Collections.unmodifiableMap(out);
  }

  static String format(Double value) {
    if (value == null) {
      return "";
    }
    double d = value;
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
