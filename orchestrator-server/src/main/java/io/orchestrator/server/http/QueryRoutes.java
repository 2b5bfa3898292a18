package io.orchestrator.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.series.SeriesPoint;
import io.orchestrator.core.series.SeriesQuery;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.server.cli.GoDuration;
import io.orchestrator.server.json.BadRequestException;
import io.orchestrator.server.json.WireJson;
import java.time.Clock;
import java.time.Duration;
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
  private volatile EncodedTopology encoded;

  QueryRoutes(Orchestrator orchestrator, Clock clock) {
    this.orchestrator = orchestrator;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/health", this::health);
    routes.get("/api/v1/ping", this::ping);
    routes.get("/api/v1/query/topology", this::topology);
    routes.get("/api/v1/query/agents/{agent_id}/timeseries", this::timeseries);
  }

  private void health(Context ctx) {
    Responses.json(ctx, 200, Map.of("status", "healthy", "timestamp", clock.instant().toString()));
  }

  private void ping(Context ctx) {
    Responses.json(ctx, 200, Map.of("pong", true, "timestamp", clock.instant().toString()));
  }

  /**
   * The topology, encoded once per version and then served from bytes; {@code ETag} is the version,
   * so a client holding the current one gets a 304 without a body.
   */
  private void topology(Context ctx) {
    Topology t = orchestrator.topology();
    EncodedTopology e = encoded;
    if (e == null || e.version != t.version()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("topology", t);
      out.put("timestamp", t.timestamp());
      out.put("version", t.version());
      e = new EncodedTopology(t.version(), "\"" + t.version() + "\"", WireJson.write(out));
      encoded = e;
    }
    ctx.header("ETag", e.etag);
    ctx.header("Cache-Control", "no-cache");
    if (e.etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.status(200).contentType("application/json").result(e.json);
  }

  /** One version of the topology response, encoded; never mutated after construction. */
  private static final class EncodedTopology {
    final long version;
    final String etag;
    final byte[] json;

    EncodedTopology(long version, String etag, byte[] json) {
      this.version = version;
      this.etag = etag;
      this.json = json;
    }
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
    out.put("resolution", "15s");
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
