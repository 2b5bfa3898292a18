package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.server.json.WireJson;
import java.util.Map;

/** Writes JSON responses through the one wire mapping. */
final class Responses {
  private Responses() {}

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(WireJson.write(body));
  }

  /** Marks a response whose error body a route wrote itself, so error pages keep it. */
  static final String WRITTEN = "orchestrator.error-written";

  static void error(Context ctx, int status, String message) {
    json(ctx, status, Map.of("error", message));
    ctx.attribute(WRITTEN, true);
  }
}
