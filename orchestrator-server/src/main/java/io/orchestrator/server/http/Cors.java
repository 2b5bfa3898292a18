package io.orchestrator.server.http;

import io.javalin.http.Context;
import java.util.List;

/**
 * CORS for every path: allowed origins from configuration; {@code *} answers any origin and then
 * never allows credentials; a listed origin is echoed back with {@code Vary: Origin}. Preflight
 * {@code OPTIONS} on any path is answered 204 here. Thread-safe (immutable).
 */
final class Cors {
  private static final String METHODS = "GET, POST, OPTIONS";
  private static final String HEADERS = "Content-Type, Authorization, X-Agent-ID, If-None-Match";

  private final List<String> origins;
  private final boolean any;

  Cors(List<String> origins) {
    this.origins = List.copyOf(origins);
    this.any = origins.contains("*");
  }

  /** Adds the CORS headers; a before-handler on every path. */
  void apply(Context ctx) {
    String origin = ctx.header("Origin");
    if (any) {
      ctx.header("Access-Control-Allow-Origin", "*");
    } else if (origin != null && origins.contains(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Vary", "Origin");
    } else {
      return;
    }
    ctx.header("Access-Control-Allow-Methods", METHODS);
    ctx.header("Access-Control-Allow-Headers", HEADERS);
    ctx.header("Access-Control-Max-Age", "600");
    ctx.header("Access-Control-Expose-Headers", "ETag");
  }

  /** Answers a preflight request. */
  void preflight(Context ctx) {
    ctx.status(204);
  }
}
