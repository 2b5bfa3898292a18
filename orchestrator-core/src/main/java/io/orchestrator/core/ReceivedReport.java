package io.orchestrator.core;

import io.orchestrator.core.report.Report;
import java.time.Instant;
import java.util.Objects;

/**
 * An agent's latest accepted report and when the server received it. Immutable and thread-safe.
 *
 * @param report the report as accepted
 * @param receivedAt server clock time of acceptance
 */
public record ReceivedReport(Report report, Instant receivedAt) {

  /** Checks both are present. */
  public ReceivedReport {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
