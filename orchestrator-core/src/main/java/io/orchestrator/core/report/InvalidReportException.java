package io.orchestrator.core.report;

/**
 * Thrown when a report (or registration) violates the wire contract. The message names the field by
 * its JSON path, for example {@code network_info.connections[3].remote_port out of range 0..65535:
 * 70000}.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidReportException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field JSON path of the offending field
   * @param problem what is wrong with it, phrased to follow the path
   */
  public InvalidReportException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  /** The JSON path of the offending field. */
  public String field() {
    return field;
  }
}
