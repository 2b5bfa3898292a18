package io.orchestrator.core.query;

/**
 * A malformed query: what is wrong, and where (a 1-based character position). Immutable and
 * thread-safe.
 */
public final class QueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;

  /** Creates the exception; the message reads "{@code problem} at position {@code position}". */
  public QueryException(String problem, int position) {
    super(problem + " at position " + position);
    this.position = position;
  }

  /** The 1-based position of the problem in the query. */
  public int position() {
    return position;
  }
}
