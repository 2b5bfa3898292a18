package io.orchestrator.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.OrchestratorStats;
import io.orchestrator.core.series.SeriesStats;
import io.orchestrator.core.topology.TopologyStats;
import io.orchestrator.server.cli.GoDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** {@code GET /api/v1/query/stats} (DESIGN §4.5). */
final class StatsRoute {
  private final Orchestrator orchestrator;
  private final IntSupplier websocketClients;
  private final LongSupplier websocketDropped;

  StatsRoute(
      Orchestrator orchestrator, IntSupplier websocketClients, LongSupplier websocketDropped) {
    this.orchestrator = orchestrator;
    this.websocketClients = websocketClients;
    this.websocketDropped = websocketDropped;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/query/stats", this::stats);
  }

  private void stats(Context ctx) {
    OrchestratorStats s = orchestrator.stats();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agents", s.agents());
    out.put("agents_active", s.agentsActive());
    out.put("agents_stale", s.agentsStale());
    out.put("websocket_clients", websocketClients.getAsInt());
    out.put("websocket_clients_dropped", websocketDropped.getAsLong());
    out.put("storage", storage(s.storage()));
    out.put("topology", topology(s.topology()));
    out.put(
        "ingest",
        Map.of("reports_total", s.reportsTotal(), "reports_rejected", s.reportsRejected()));
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
