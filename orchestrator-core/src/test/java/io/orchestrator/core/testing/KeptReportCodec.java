package io.orchestrator.core.testing;

import io.orchestrator.core.report.InvalidReportException;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.report.ReportCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A codec for engines in one process (core has no JSON): the wire form is a ticket for the report
 * kept in this codec. Engines that share one instance read each other's reports. Thread-safe.
 */
public final class KeptReportCodec implements ReportCodec {
  private final Map<String, Report> kept = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong();

  @Override
  public ReportBody encode(Report report) {
    String ticket = "report-" + next.incrementAndGet();
    kept.put(ticket, report);
    return ReportBody.of(ticket.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Report decode(ReportBody body) {
    Report r = kept.get(new String(body.toByteArray(), StandardCharsets.UTF_8));
    if (r == null) {
      throw new InvalidReportException("body", "no report kept under this ticket");
    }
    return r;
  }
}
