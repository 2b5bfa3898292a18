package io.orchestrator.core;

import io.orchestrator.core.report.Report;
import io.orchestrator.core.report.ReportBody;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted report, when the server received it, and the bytes it arrived as (when it came over a
 * wire). Immutable and thread-safe.
 *
 * @param report the report as accepted
 * @param receivedAt server clock time of acceptance
 * @param body its wire form, or null when it was handed over as an object
 */
public record ReceivedReport(Report report, Instant receivedAt, ReportBody body) {

  /** Checks that the report and time are present. */
  public ReceivedReport {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** A report handed over as an object, with no wire form. */
  public ReceivedReport(Report report, Instant receivedAt) {
    this(report, receivedAt, null);
  }

  /** The agent that sent it. */
  public String agentId() {
    return report.agentId();
  }

  /**
   * This report as a store keeps it: with its wire form {@linkplain ReportBody#compact()
   * compacted}. Stores compact what they keep rather than the engine what it accepts, so that a
   * store that writes elsewhere can write the compacted form, and the wire form on its way to
   * another replica is not inflated again.
   */
  public ReceivedReport compact() {
    return body == null ? this : new ReceivedReport(report, receivedAt, body.compact());
  }

  /** Its wire form, if it had one. */
  public Optional<ReportBody> wire() {
    return Optional.ofNullable(body);
  }
}
