package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.query.Query;
import io.orchestrator.core.query.TopologyQueries;
import io.orchestrator.server.json.BadRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/search} (DESIGN §9.2). */
final class SearchRoute {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;

  private final Orchestrator orchestrator;
  private final TopologyQueries queries;

  SearchRoute(Orchestrator orchestrator, TopologyQueries queries) {
    this.orchestrator = orchestrator;
    this.queries = queries;
  }

  List<Route> routes() {
    return List.of(
        Route.get("/api/v1/search", Access.VIEWER, "Nodes matching a query", this::search));
  }

  private void search(Context ctx) {
    Query q = Queries.of(ctx);
    int limit = limit(ctx.queryParam("limit"));
    TopologyQueries.Found found = queries.search(orchestrator.topology(), q, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", ctx.queryParam("q") == null ? "" : ctx.queryParam("q"));
    out.put("total", found.total());
    out.put("count", found.nodes().size());
    out.put("nodes", found.nodes());
    Responses.json(ctx, 200, out);
  }

  private static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw BadRequestException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
  }
}
