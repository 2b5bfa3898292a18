package io.orchestrator.server.http;

import io.javalin.config.RoutesConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every route of the API with the access it needs: the one list the router, the auth layer and the
 * API description read, so a route cannot exist without a stated role. Immutable and thread-safe.
 */
public final class RouteTable {
  private final List<Route> routes;

  /**
   * The table of {@code routes}.
   *
   * @throws IllegalArgumentException when two routes share a method and path
   */
  public RouteTable(List<Route> routes) {
    Set<String> seen = new HashSet<>();
    for (Route r : routes) {
      if (!seen.add(r.method() + " " + r.path())) {
        throw new IllegalArgumentException("two routes for " + r.method() + " " + r.path());
      }
    }
    this.routes = List.copyOf(routes);
  }

  /** Every route, in the order they were listed. */
  public List<Route> routes() {
    return routes;
  }

  /** Registers every route with its access as its Javalin route role. */
  void install(RoutesConfig config) {
    for (Route r : routes) {
      config.addHttpHandler(r.method(), r.path(), r.handler(), r.access());
    }
  }
}
