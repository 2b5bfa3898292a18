package io.orchestrator.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.orchestrator.server.json.BadRequestException;
import io.orchestrator.server.security.Authenticator;
import io.orchestrator.server.security.Principal;
import io.orchestrator.server.security.RateLimits;
import io.orchestrator.server.ws.WsFeed;
import java.util.Set;

/**
 * Authentication, rate limits and authorization, installed once in front of every matched route and
 * of the WebSocket upgrade (DESIGN §8). The route's {@link Access} comes from the route table. With
 * auth off nothing is checked but the rate limit, and a token is not even looked at, as the
 * compatible server did. Thread-safe.
 */
final class Guard {
  /** Request attribute: the {@link Principal} of an authenticated request. */
  static final String PRINCIPAL = "orchestrator.principal";

  /** Request attribute: the route template matched, for the access log and metrics. */
  static final String ROUTE = "orchestrator.route";

  private final boolean auth;
  private final Authenticator authenticator;
  private final RateLimits limits;

  Guard(boolean auth, Authenticator authenticator, RateLimits limits) {
    this.auth = auth;
    this.authenticator = authenticator;
    this.limits = limits;
  }

  void install(RoutesConfig routes) {
    routes.beforeMatched(ctx -> check(ctx, access(ctx.routeRoles()), bearer(ctx), template(ctx)));
    // Browsers cannot set headers on a WebSocket: the upgrade alone may carry ?access_token=.
    routes.wsBeforeUpgrade(
        WsFeed.PATH,
        ctx -> {
          String token = bearer(ctx);
          check(
              ctx,
              Access.VIEWER,
              token != null ? token : ctx.queryParam("access_token"),
              WsFeed.PATH);
        });
  }

  private static String template(Context ctx) {
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    return matched == null ? ctx.path() : matched.path;
  }

  private static Access access(Set<RouteRole> roles) {
    if (roles.size() != 1 || !(roles.iterator().next() instanceof Access a)) {
      throw new IllegalStateException("a route without exactly one Access: " + roles);
    }
    return a;
  }

  private void check(Context ctx, Access access, String token, String route) {
    ctx.attribute(ROUTE, route);
    if (route.equals("/health") || ctx.method().equals(HandlerType.OPTIONS)) {
      return; // never limited, never refused: load balancers and preflights
    }
    Authenticator.Outcome outcome =
        auth && token != null ? authenticator.authenticate(token) : null;
    Principal principal = outcome == null ? null : outcome.principal();
    if (principal != null) {
      ctx.attribute(PRINCIPAL, principal);
    }
    if (limits != null) {
      long retry =
          limits.acquire(principal != null ? principal.name() : ctx.ip(), System.nanoTime());
      if (retry > 0) {
        ctx.header("Retry-After", Long.toString(retry));
        throw new BadRequestException(429, "rate limit exceeded");
      }
    }
    if (!auth || access == Access.PUBLIC) {
      return;
    }
    if (principal == null) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"orchestrator\"");
      throw new BadRequestException(401, token == null ? "missing credentials" : outcome.refusal());
    }
    if (!access.allows(principal.role())) {
      throw new BadRequestException(
          403, principal.role().wireName() + " may not " + ctx.method() + " " + route);
    }
    String agent = ctx.pathParamMap().get("agent_id");
    if (agent != null) {
      actFor(ctx, agent);
    }
  }

  /**
   * Refuses a probe credential bound to another agent than {@code agentId} (a report's or a
   * registration's body, or a path).
   *
   * @throws BadRequestException 403
   */
  static void actFor(Context ctx, String agentId) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p != null && p.boundElsewhere(agentId)) {
      throw new BadRequestException(
          403, "probe for agent " + p.agentId() + " may not act for agent " + agentId);
    }
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null) {
      return null;
    }
    String h = header.strip();
    return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : "";
  }
}
