package io.orchestrator.core.report;

/**
 * Turns reports into their wire form and back. Core has no JSON library; the server supplies its
 * wire mapping, so that history can keep reports as compact bytes and durable backends can store
 * them. Implementations are thread-safe.
 */
public interface ReportCodec {
  /** The wire form of a report handed over as an object. */
  ReportBody encode(Report report);

  /**
   * The report in {@code body}.
   *
   * @throws InvalidReportException when the bytes are not a valid report
   */
  Report decode(ReportBody body);
}
