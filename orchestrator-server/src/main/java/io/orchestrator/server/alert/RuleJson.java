package io.orchestrator.server.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.core.alert.AlertRuleBuilder;
import io.orchestrator.core.alert.InvalidRuleException;
import io.orchestrator.core.alert.RuleKind;
import io.orchestrator.core.alert.Severity;
import io.orchestrator.server.cli.GoDuration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Alert rules as JSON (DESIGN §12): {@code name, kind, query, for, severity, labels, annotations}.
 * Reading is strict: an unknown field, a wrong type or a bad value is an {@link
 * InvalidRuleException} naming the field. The same reader serves the REST API and rule files (whose
 * YAML reads into the same tree). Stateless.
 */
public final class RuleJson {
  private static final Set<String> FIELDS =
      Set.of("name", "kind", "query", "for", "severity", "labels", "annotations");

  private RuleJson() {}

  /**
   * The rule {@code node} describes; {@code name} is used when the node names none.
   *
   * @throws InvalidRuleException naming the field at fault
   */
  public static AlertRule read(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      throw new InvalidRuleException("rule", "must be a JSON object");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String f = field.getKey();
      if (!FIELDS.contains(f)) {
        throw new InvalidRuleException(
            f,
            "unknown field (fields: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
      }
    }
    String given = text(node, "name");
    if (given == null && name == null) {
      throw new InvalidRuleException("name", "required");
    }
    if (given != null && name != null && !given.equals(name)) {
      throw new InvalidRuleException("name", "must match the name in the path, " + name);
    }
    AlertRuleBuilder b = AlertRule.builder(given != null ? given : name);
    String kind = text(node, "kind");
    if (kind != null) {
      b.kind(
          RuleKind.fromWireName(kind)
              .orElseThrow(
                  () -> new InvalidRuleException("kind", "must be query, edge or agent_stale")));
    }
    String severity = text(node, "severity");
    if (severity != null) {
      b.severity(
          Severity.fromWireName(severity)
              .orElseThrow(
                  () -> new InvalidRuleException("severity", "must be critical, warning or info")));
    }
    String forText = text(node, "for");
    if (forText != null) {
      try {
        b.forDuration(GoDuration.parse(forText.strip()));
      } catch (IllegalArgumentException e) {
        throw new InvalidRuleException("for", "not a duration (e.g. 30s, 2m, 1h)");
      }
    }
    String query = text(node, "query");
    if (query != null) {
      b.query(query);
    }
    b.labels(strings(node, "labels"));
    b.annotations(strings(node, "annotations"));
    return b.build();
  }

  /** The rule as JSON fields, in the order of DESIGN §12. */
  public static Map<String, Object> write(AlertRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("kind", r.kind().wireName());
    m.put("query", r.query().text());
    m.put("for", GoDuration.format(r.forDuration()));
    m.put("severity", r.severity().wireName());
    m.put("labels", r.labels());
    m.put("annotations", r.annotations());
    return m;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidRuleException(field, "must be a string");
    }
    return v.asText();
  }

  private static Map<String, String> strings(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw new InvalidRuleException(field, "must be an object of strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isTextual()) {
        throw new InvalidRuleException(field + "." + e.getKey(), "must be a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }
}
