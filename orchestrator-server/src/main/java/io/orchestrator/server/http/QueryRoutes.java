package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.series.SeriesPoint;
import io.orchestrator.core.series.SeriesQuery;
import io.orchestrator.core.storage.StorageHealth;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.server.cli.GoDuration;
import io.orchestrator.server.json.BadRequestException;
import io.orchestrator.server.json.TopologyEncoding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Health, ping, topology and time-series queries (DESIGN §4.2, §4.4). */
final class QueryRoutes {
  private final Orchestrator orchestrator;
  private final Clock clock;
  private final TopologyEncoding encoding;

  QueryRoutes(Orchestrator orchestrator, Clock clock, TopologyEncoding encoding) {
    this.orchestrator = orchestrator;
    this.clock = clock;
    this.encoding = encoding;
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
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", storage.up() ? "healthy" : "unhealthy");
    out.put("timestamp", clock.instant().toString());
    if (!storage.up()) {
      out.put("storage", storage.detail());
    }
    Responses.json(ctx, storage.up() ? 200 : 503, out);
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
    if (at != null) {
      Topology past = orchestrator.topologyAt(at);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("topology", past);
      out.put("timestamp", past.timestamp());
      out.put("version", past.version());
      out.put("at", at);
      Responses.json(ctx, 200, out);
      return;
    }
    Topology t = orchestrator.topology();
    String etag = "\"" + t.version() + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    boolean gzip = AcceptEncoding.allowsGzip(ctx.header("Accept-Encoding"));
    byte[] body = gzip ? encoding.gzippedBody(t) : encoding.responseBody(t);
    ctx.disableCompression();
    ctx.header("Vary", "Accept-Encoding");
    if (gzip) {
      ctx.header("Content-Encoding", "gzip");
    }
    ctx.header("Content-Length", Integer.toString(body.length));
    ctx.status(200).contentType("application/json").result(body);
  }

  private void timeseries(Context ctx) {
    String id = ctx.pathParam("agent_id");
    String durationText = ctx.queryParam("duration");
    Duration duration = duration(durationText);
    if (orchestrator.agent(id).isEmpty()) {
      throw new BadRequestException(404, "unknown agent " + id);
    }
    SeriesQuery query =
        new SeriesQuery(
            duration, metrics(ctx.queryParam("metrics")), "all".equals(ctx.queryParam("scope")));
    List<SeriesPoint> points = orchestrator.series().query(id, query).orElse(List.of());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent_id", id);
    out.put("duration", durationText == null ? "1h" : durationText);
    out.put("resolution", GoDuration.format(query.step()));
    out.put("count", points.size());
    out.put("points", points);
    Responses.json(ctx, 200, out);
  }

  private static Duration duration(String text) {
    if (text == null) {
      return Duration.ofHours(1);
    }
    try {
      Duration d = GoDuration.parse(text);
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (IllegalArgumentException e) {
      // answered below, with the message the contract fixes
    }
    throw BadRequestException.badRequest("Invalid duration format");
  }

  private static Set<String> metrics(String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }
}
