package io.orchestrator.server.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.core.alert.AlertRuleStore;
import io.orchestrator.core.alert.InvalidRuleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code -alert-rules}: a JSON array of rules, or YAML with a {@code rules:} list (YAML reads
 * JSON too, so one parser takes both). Every problem names the file, the rule's index and the
 * field. Stateless.
 */
public final class RuleFiles {
  private static final long MAX_BYTES = 4L << 20;
  private static final YAMLMapper YAML = new YAMLMapper();

  private RuleFiles() {}

  /**
   * The rules in {@code file}.
   *
   * @throws IllegalArgumentException naming the file and what is wrong in it
   */
  public static List<AlertRule> load(Path file) {
    JsonNode root = parse(file);
    JsonNode list = root != null && root.isObject() ? root.get("rules") : root;
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(
          file + ": expected a JSON array of rules or YAML with a rules: list");
    }
    if (list.size() > AlertRuleStore.MAX_RULES) {
      throw new IllegalArgumentException(file + ": at most " + AlertRuleStore.MAX_RULES + " rules");
    }
    List<AlertRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      AlertRule r;
      try {
        r = RuleJson.read(list.get(i), null);
      } catch (InvalidRuleException e) {
        throw new IllegalArgumentException(file + ": rules[" + i + "]." + e.getMessage(), e);
      }
      if (!names.add(r.name())) {
        throw new IllegalArgumentException(
            file + ": rules[" + i + "].name: " + r.name() + " is defined twice");
      }
      rules.add(r);
    }
    return rules;
  }

  private static JsonNode parse(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(file + ": larger than 4 MiB");
      }
      return YAML.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not JSON or YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
    }
  }
}
