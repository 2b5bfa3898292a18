package io.orchestrator.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of every route, a resource kept in
 * step with the route table by a test (DESIGN §14). Read once; thread-safe.
 */
final class OpenApiRoute {
  static final String RESOURCE = "openapi.json";

  private final byte[] document;

  OpenApiRoute() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      this.document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Route> routes() {
    return List.of(
        Route.get("/api/v1/openapi.json", Access.PUBLIC, "This API as OpenAPI 3.1", this::serve));
  }

  private void serve(Context ctx) {
    ctx.contentType("application/json").result(document);
  }
}
