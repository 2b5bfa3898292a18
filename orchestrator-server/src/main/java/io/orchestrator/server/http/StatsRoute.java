package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.OrchestratorStats;
import io.orchestrator.core.alert.AlertStats;
import io.orchestrator.core.series.SeriesStats;
import io.orchestrator.core.topology.TopologyStats;
import io.orchestrator.server.cli.GoDuration;
import io.orchestrator.server.metrics.ServerMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/query/stats} (DESIGN §4.5). */
final class StatsRoute {
  private final Orchestrator orchestrator;
  private final ServerMetrics.Feed feed;

  StatsRoute(Orchestrator orchestrator, ServerMetrics.Feed feed) {
    this.orchestrator = orchestrator;
    this.feed = feed;
  }

  List<Route> routes() {
    return List.of(
        Route.get("/api/v1/query/stats", Access.VIEWER, "Counts and figures", this::stats));
  }

  private void stats(Context ctx) {
    OrchestratorStats s = orchestrator.stats();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agents", s.agents());
    out.put("agents_active", s.agentsActive());
    out.put("agents_stale", s.agentsStale());
    out.put("websocket_clients", feed.websocketClients().getAsInt());
    out.put("websocket_clients_dropped", feed.websocketDropped().getAsLong());
    out.put("storage", storage(s.storage()));
    out.put("topology", topology(s.topology()));
    out.put(
        "ingest",
        Map.of("reports_total", s.reportsTotal(), "reports_rejected", s.reportsRejected()));
    out.put("alerts", alerts(s.alerts()));
    out.put("uptime", GoDuration.format(Duration.ofSeconds(s.uptime().toSeconds())));
    out.put("uptime_seconds", s.uptime().toSeconds());
    Responses.json(ctx, 200, out);
  }

  private static Map<String, Object> storage(SeriesStats s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total_agents", s.agents());
    out.put("total_series", s.series());
    out.put("total_points", s.points());
    out.put("max_age", GoDuration.format(s.maxAge()));
    out.put("resolution", GoDuration.format(s.resolution()));
    out.put("memory_bytes", s.memoryBytes());
    out.put("evicted_series", s.evictedSeries());
    return out;
  }

  private static Map<String, Object> alerts(AlertStats a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rules", a.rules());
    out.put("pending", a.pending());
    out.put("firing", a.firing());
    out.put("notifications_sent", a.notificationsSent());
    out.put("notifications_failed", a.notificationsFailed());
    out.put("notifications_dropped", a.notificationsDropped());
    out.put("evaluations", a.evaluations());
    out.put("regex_trips", a.regexTrips());
    return out;
  }

  private static Map<String, Object> topology(TopologyStats t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total_nodes", t.totalNodes());
    out.put("total_edges", t.totalEdges());
    out.put("nodes_by_type", t.nodesByType());
    out.put("edges_by_type", t.edgesByType());
    out.put("last_update", t.lastUpdate());
    out.put("version", t.version());
    return out;
  }
}
