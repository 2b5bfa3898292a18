package io.orchestrator.core.alert;

import io.orchestrator.core.query.Query;
import io.orchestrator.core.query.QueryException;
import java.time.Duration;
import java.util.Map;

/**
 * Builds an {@link AlertRule}; {@link #build()} validates and names the field at fault. Not
 * thread-safe.
 */
public final class AlertRuleBuilder {
  private final String name;
  private RuleKind kind = RuleKind.QUERY;
  private Query query = Query.all();
  private Duration forDuration = Duration.ZERO;
  private Severity severity = Severity.WARNING;
  private Map<String, String> labels = Map.of();
  private Map<String, String> annotations = Map.of();

  AlertRuleBuilder(String name) {
    this.name = name;
  }

  /** What the rule looks at (default {@code query}: topology nodes). */
  public AlertRuleBuilder kind(RuleKind value) {
    kind = value;
    return this;
  }

  /**
   * The rule's query in the language of DESIGN §9.1.
   *
   * @throws InvalidRuleException naming {@code query} and the position of the problem
   */
  public AlertRuleBuilder query(String text) {
    try {
      query = Query.parse(text);
    } catch (QueryException e) {
      throw new InvalidRuleException("query", e.getMessage());
    }
    return this;
  }

  /** How long a condition holds before it fires (default 0: at once). */
  public AlertRuleBuilder forDuration(Duration value) {
    forDuration = value;
    return this;
  }

  /** The severity (default warning). */
  public AlertRuleBuilder severity(Severity value) {
    severity = value;
    return this;
  }

  /** Labels added to every alert. */
  public AlertRuleBuilder labels(Map<String, String> value) {
    labels = value;
    return this;
  }

  /** Annotations added to every alert (templates filled in). */
  public AlertRuleBuilder annotations(Map<String, String> value) {
    annotations = value;
    return this;
  }

  /**
   * The rule.
   *
   * @throws InvalidRuleException naming the field at fault
   */
  public AlertRule build() {
    return new AlertRule(name, kind, query, forDuration, severity, labels, annotations);
  }
}
