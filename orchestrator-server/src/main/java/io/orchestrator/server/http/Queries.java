package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.core.query.Query;

/**
 * The query of a request (DESIGN §9.2): {@code ?q=}, with {@code ?type=a,b} and {@code ?agent=a,b}
 * as shorthands for those terms. A malformed one is a {@link
 * io.orchestrator.core.query.QueryException}, answered 400 with its position. Stateless.
 */
final class Queries {
  private Queries() {}

  static Query of(Context ctx) {
    return Query.parse(ctx.queryParam("q"));
  }

  static Query topology(Context ctx) {
    StringBuilder text = new StringBuilder();
    String q = ctx.queryParam("q");
    if (q != null && !q.isBlank()) {
      text.append(q);
    }
    for (String field : new String[] {"type", "agent"}) {
      String v = ctx.queryParam(field);
      if (v != null && !v.isBlank()) {
        text.append(text.length() == 0 ? "" : " ").append(field).append(':').append(v.strip());
      }
    }
    return Query.parse(text.toString());
  }
}
