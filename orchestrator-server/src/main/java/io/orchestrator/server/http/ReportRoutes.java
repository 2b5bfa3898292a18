package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.server.json.BadRequestException;
import io.orchestrator.server.json.WireJson;
import io.orchestrator.server.metrics.ServerMetrics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Report ingestion and the latest report per agent (DESIGN §4.2). */
final class ReportRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ReportRoutes.class);

  /** The answer to every accepted report: encoded once, not per request. */
  private static final byte[] ACCEPTED =
      WireJson.write(Map.of("status", "accepted", "message", "Report processed successfully"));

  /**
   * Each request thread reads reports into its own buffer: a fresh 25 KB array per report came on
   * top of the ~57 KB that parsing and ingest allocate, and the arrays of the requests in flight
   * were copied by every young collection. Bounded by the request threads (64 KB each).
   */
  private static final ThreadLocal<byte[]> SCRATCH =
      ThreadLocal.withInitial(() -> new byte[64 * 1024]);

  private final Orchestrator orchestrator;
  private final BodyReader body;
  private final ServerMetrics metrics;

  ReportRoutes(Orchestrator orchestrator, BodyReader body, ServerMetrics metrics) {
    this.orchestrator = orchestrator;
    this.body = body;
    this.metrics = metrics;
  }

  List<Route> routes() {
    return List.of(
        Route.post("/api/v1/reports", Access.PROBE, "Accept a probe's report", this::ingest),
        Route.get(
            "/api/v1/query/agents/{agent_id}/latest",
            Access.VIEWER,
            "An agent's latest report as received (or as it stood ?at=)",
            this::latest));
  }

  private void ingest(Context ctx) {
    long start = System.nanoTime();
    Report report;
    BodyReader.Slice bytes;
    try {
      bytes = body.slice(ctx, SCRATCH.get());
      report = WireJson.readReport(bytes.array(), bytes.length());
      ctx.attribute(RequestObserver.AGENT, report.agentId());
      Guard.actFor(ctx, report.agentId());
    } catch (BadRequestException e) {
      orchestrator.recordRejectedReport();
      LOG.debug("Rejected report: {}", e.getMessage());
      throw e;
    }
    // Compacted here, copying out of the reused buffer: what the engine keeps is this form anyway.
    orchestrator.ingest(report, ReportBody.compacted(bytes.array(), 0, bytes.length()));
    metrics.ingested(System.nanoTime() - start);
    Responses.write(ctx, 202, ACCEPTED);
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
