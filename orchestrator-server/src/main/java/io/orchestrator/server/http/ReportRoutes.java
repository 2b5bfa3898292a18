package io.orchestrator.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.server.json.BadRequestException;
import io.orchestrator.server.json.WireJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Report ingestion and the latest report per agent (DESIGN §4.2). */
final class ReportRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ReportRoutes.class);

  /** The answer to every accepted report: encoded once, not per request. */
  private static final byte[] ACCEPTED =
      WireJson.write(Map.of("status", "accepted", "message", "Report processed successfully"));

  private final Orchestrator orchestrator;
  private final BodyReader body;

  ReportRoutes(Orchestrator orchestrator, BodyReader body) {
    this.orchestrator = orchestrator;
    this.body = body;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/v1/reports", this::ingest);
    routes.get("/api/v1/query/agents/{agent_id}/latest", this::latest);
  }

  private void ingest(Context ctx) {
    Report report;
    byte[] bytes;
    try {
      bytes = body.bytes(ctx);
      report = WireJson.read(bytes, Report.class);
    } catch (BadRequestException e) {
      orchestrator.recordRejectedReport();
      LOG.debug("Rejected report: {}", e.getMessage());
      throw e;
    }
    orchestrator.ingest(report, ReportBody.of(bytes));
    ctx.status(202).contentType("application/json").result(ACCEPTED);
  }

  private void latest(Context ctx) {
    String id = ctx.pathParam("agent_id");
    Instant at = TimeTravelParams.at(ctx);
    ReceivedReport r =
        (at == null ? orchestrator.latestReport(id) : orchestrator.latestReportAt(id, at))
            .orElseThrow(
                () ->
                    new BadRequestException(
                        404,
                        at == null
                            ? "no report from agent " + id + " yet"
                            : "no report from agent " + id + " at or before " + at));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent_id", id);
    out.put("report", WireJson.report(r));
    out.put("received_at", r.receivedAt());
    if (at != null) {
      out.put("at", at);
    }
    Responses.json(ctx, 200, out);
  }
}
