package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.server.metrics.ServerMetrics;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** {@code GET /metrics}: Prometheus exposition (DESIGN §8). */
final class MetricsRoute {
  private final ServerMetrics metrics;

  MetricsRoute(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  List<Route> routes() {
    return List.of(Route.get("/metrics", Access.VIEWER, "Prometheus metrics", this::scrape));
  }

  private void scrape(Context ctx) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
    String type = metrics.scrape(ctx.header("Accept"), body);
    ctx.status(200).contentType(type).result(body.toByteArray());
  }
}
