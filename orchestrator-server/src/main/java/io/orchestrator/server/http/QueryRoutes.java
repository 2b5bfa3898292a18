package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.cluster.ClusterStatus;
import io.orchestrator.core.query.Query;
import io.orchestrator.core.storage.StorageHealth;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.server.cli.GoDuration;
import io.orchestrator.server.json.FilteredTopologies;
import io.orchestrator.server.json.TopologyEncoding;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Health, ping, topology and time-series queries (DESIGN §4.2, §4.4). */
final class QueryRoutes {
  private final Orchestrator orchestrator;
  private final Clock clock;
  private final TopologyEncoding encoding;

  private final FilteredTopologies filtered;
  private final boolean clustered;

  QueryRoutes(Orchestrator orchestrator, Clock clock, TopologyEncoding encoding) {
    this.orchestrator = orchestrator;
    this.clock = clock;
    this.encoding = encoding;
    this.filtered = encoding.filtered();
    this.clustered = orchestrator.cluster().bus() != null;
  }

  List<Route> routes() {
    return List.of(
        Route.get(
            "/health", Access.PUBLIC, "Whether the server and its storage are up", this::health),
        Route.get("/api/v1/ping", Access.PUBLIC, "Liveness", this::ping),
        Route.get(
            "/api/v1/query/topology",
            Access.VIEWER,
            "The topology (as it stood ?at=)",
            this::topology),
        Route.get(
            "/api/v1/query/agents/{agent_id}/timeseries",
            Access.VIEWER,
            "An agent's time series",
            this::timeseries));
  }

  private void health(Context ctx) {
    StorageHealth storage = orchestrator.storageHealth();
    ClusterStatus cluster = orchestrator.cluster();
    // A replica that has not yet taken up the events published before it started would serve
    // an older fleet: the load balancer keeps it out until then (DESIGN §11).
    boolean healthy = storage.up() && cluster.caughtUp();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", healthy ? "healthy" : "unhealthy");
    out.put("timestamp", clock.instant().toString());
    if (!storage.up()) {
      out.put("storage", storage.detail());
    }
    if (cluster.bus() != null) {
      out.put("node_id", cluster.nodeId());
      out.put("cluster", ClusterRoute.bus(cluster.bus()));
    }
    Responses.json(ctx, healthy ? 200 : 503, out);
  }

  private void ping(Context ctx) {
    Responses.json(ctx, 200, Map.of("pong", true, "timestamp", clock.instant().toString()));
  }

  /**
   * The topology from the shared per-version encoding; {@code ETag} is the version, so a client
   * holding the current one gets a 304 without a body. A client that accepts gzip gets the
   * version's cached gzip bytes; Javalin's own compression, which would deflate the body again on
   * every request, is off for this route.
   */
  private void topology(Context ctx) {
    Instant at = TimeTravelParams.at(ctx);
    Query query = Queries.topology(ctx);
    if (at != null) {
      Topology past = filtered.queries().filter(orchestrator.topologyAt(at), query);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("topology", past);
      out.put("timestamp", past.timestamp());
      out.put("version", past.version());
      out.put("at", at);
      Responses.json(ctx, 200, out);
      return;
    }
    Topology t = orchestrator.topology();
    // Replicas count versions each on their own; the content tag is the same on every replica
    // that holds the same reports, so a client moved by the load balancer still gets its 304.
    String tag = clustered ? "c" + Long.toHexString(t.contentTag()) : Long.toString(t.version());
    String etag =
        query.isEmpty()
            ? "\"" + tag + "\""
            : "\"" + tag + "-q" + Integer.toHexString(query.text().hashCode()) + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    boolean gzip = AcceptEncoding.allowsGzip(ctx.header("Accept-Encoding"));
    byte[] body;
    if (query.isEmpty()) {
      body = gzip ? encoding.gzippedBody(t) : encoding.responseBody(t);
    } else {
      FilteredTopologies.Encoded e = filtered.get(t, query);
      body = gzip ? e.gzipped(t) : e.body(t);
    }
    ctx.disableCompression();
    ctx.header("Vary", "Accept-Encoding");
    if (gzip) {
      ctx.header("Content-Encoding", "gzip");
    }
    ctx.header("Content-Length", Integer.toString(body.length));
    ctx.status(200).contentType("application/json").result(body);
  }

  private void timeseries(Context ctx) {
    SeriesRequest r = SeriesRequest.of(ctx, orchestrator);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent_id", r.agentId());
    out.put("duration", r.durationText());
    out.put("resolution", GoDuration.format(r.query().step()));
    out.put("count", r.points().size());
    out.put("points", r.points());
    Responses.json(ctx, 200, out);
  }
}
