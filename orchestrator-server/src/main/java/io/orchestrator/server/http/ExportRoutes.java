package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.query.TopologyQueries;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.server.cli.GoDuration;
import io.orchestrator.server.export.FleetExport;
import io.orchestrator.server.export.GraphmlExport;
import io.orchestrator.server.export.TopologyExport;
import io.orchestrator.server.json.BadRequestException;
import io.orchestrator.server.json.WireJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exports of DESIGN §9.3, streamed to the response as they are written: memory does not grow
 * with the fleet (beyond the snapshot the server holds anyway).
 */
final class ExportRoutes {
  private static final Map<String, String> TYPES =
      Map.of(
          "json", "application/json",
          "ndjson", "application/x-ndjson",
          "csv", "text/csv; charset=utf-8",
          "graphml", "application/graphml+xml");

  private final Orchestrator orchestrator;
  private final TopologyQueries queries;

  ExportRoutes(Orchestrator orchestrator, TopologyQueries queries) {
    this.orchestrator = orchestrator;
    this.queries = queries;
  }

  List<Route> routes() {
    return List.of(
        Route.get("/api/v1/export/topology", Access.VIEWER, "Export the topology", this::topology),
        Route.get("/api/v1/export/agents", Access.VIEWER, "Export the agents", this::agents),
        Route.get(
            "/api/v1/export/agents/{agent_id}/timeseries",
            Access.VIEWER,
            "Export an agent's time series",
            this::timeseries));
  }

  private void topology(Context ctx) throws IOException {
    String format = format(ctx, List.of("json", "ndjson", "csv", "graphml"));
    String what = ctx.queryParam("what");
    if (what != null && !what.equals("nodes") && !what.equals("edges")) {
      throw BadRequestException.badRequest("what must be nodes or edges");
    }
    Topology t = queries.filter(orchestrator.topology(), Queries.topology(ctx));
    String name = "topology" + (what == null ? "" : "-" + what) + "." + format;
    try (OutputStream out = start(ctx, format, name)) {
      switch (format) {
        case "json" -> TopologyExport.json(t, out);
        case "ndjson" ->
            TopologyExport.ndjson(t, !"edges".equals(what), !"nodes".equals(what), out);
        case "csv" -> TopologyExport.csv(t, "edges".equals(what), out);
        default -> GraphmlExport.write(t, out);
      }
    }
  }

  private void agents(Context ctx) throws IOException {
    String format = format(ctx, List.of("json", "ndjson", "csv"));
    try (OutputStream out = start(ctx, format, "agents." + format)) {
      switch (format) {
        case "json" -> FleetExport.agentsJson(orchestrator.agents(), out);
        case "ndjson" -> FleetExport.agentsNdjson(orchestrator.agents(), out);
        default -> FleetExport.agentsCsv(orchestrator.agents(), out);
      }
    }
  }

  private void timeseries(Context ctx) throws IOException {
    String format = format(ctx, List.of("json", "ndjson", "csv"));
    SeriesRequest r = SeriesRequest.of(ctx, orchestrator);
    try (OutputStream out = start(ctx, format, r.agentId() + "-timeseries." + format)) {
      switch (format) {
        case "json" -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("agent_id", r.agentId());
          body.put("duration", r.durationText());
          body.put("resolution", GoDuration.format(r.query().step()));
          body.put("count", r.points().size());
          body.put("points", r.points());
          WireJson.mapper().writeValue(out, body);
        }
        case "ndjson" -> FleetExport.pointsNdjson(r.points(), out);
        default -> FleetExport.pointsCsv(r.points(), out);
      }
    }
  }

  private static String format(Context ctx, List<String> supported) {
    String f = ctx.queryParam("format");
    String format = f == null ? "json" : f.strip().toLowerCase(Locale.ROOT);
    if (!supported.contains(format)) {
      throw BadRequestException.badRequest(
          "unknown format \"" + f + "\": use " + String.join(", ", supported));
    }
    return format;
  }

  /** Sets the headers and hands out the response stream, buffered. */
  private static OutputStream start(Context ctx, String format, String filename)
      throws IOException {
    ctx.status(200);
    ctx.contentType(TYPES.get(format));
    ctx.header(
        "Content-Disposition", "attachment; filename=\"" + filename.replace("\"", "") + "\"");
    return new BufferedOutputStream(ctx.res().getOutputStream(), 64 * 1024);
  }
}
