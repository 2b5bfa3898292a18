package io.orchestrator.server.json;

import io.orchestrator.core.report.InvalidReportException;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.report.ReportCodec;
import java.io.IOException;
import java.io.InputStream;

/**
 * The wire format as a {@link ReportCodec}: history and durable storages keep reports in the form
 * the probe sent. Stateless and thread-safe.
 */
public final class JsonReportCodec implements ReportCodec {
  /** The one instance. */
  public static final JsonReportCodec INSTANCE = new JsonReportCodec();

  private JsonReportCodec() {}

  @Override
  public ReportBody encode(Report report) {
    return ReportBody.of(WireJson.write(report));
  }

  @Override
  public Report decode(ReportBody body) {
    try (InputStream in = body.openStream()) {
      return WireJson.readReport(in);
    } catch (BadRequestException e) {
      throw new InvalidReportException("report", e.getMessage());
    } catch (IOException e) {
      throw new InvalidReportException("report", "unreadable: " + e.getMessage());
    }
  }
}
