package io.orchestrator.core.alert;

/**
 * An alert rule that cannot be taken: which field, and what is wrong with it (an invalid query
 * includes its position). Immutable and thread-safe.
 */
public final class InvalidRuleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** Creates the exception; the message reads "{@code field}: {@code problem}". */
  public InvalidRuleException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The field at fault, e.g. {@code query} or {@code labels.team}. */
  public String field() {
    return field;
  }
}
