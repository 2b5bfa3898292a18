package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.server.json.WireJson;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes JSON responses through the one wire mapping. */
final class Responses {
  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

  private Responses() {}

  static void json(Context ctx, int status, Object body) {
    write(ctx, status, WireJson.write(body));
  }

  /**
   * Writes a JSON body straight to the response: one given to {@code result()} is copied through a
   * new 32 KB buffer per response, a third of the allocation of a 202 to a report. Errors keep
   * {@code result()}, so that an error page can still replace what a handler set.
   */
  static void write(Context ctx, int status, byte[] json) {
    ctx.status(status).contentType("application/json");
    try {
      ctx.outputStream().write(json);
    } catch (IOException e) {
      LOG.debug("Client gone before its response was written: {}", e.toString());
    }
  }

  /** Marks a response whose error body a route wrote itself, so error pages keep it. */
  static final String WRITTEN = "orchestrator.error-written";

  static void error(Context ctx, int status, String message) {
    ctx.status(status)
        .contentType("application/json")
        .result(WireJson.write(Map.of("error", message)));
    ctx.attribute(WRITTEN, true);
  }
}
