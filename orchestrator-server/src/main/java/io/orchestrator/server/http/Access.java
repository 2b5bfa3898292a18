package io.orchestrator.server.http;

import io.javalin.security.RouteRole;
import io.orchestrator.core.access.Role;

/**
 * The role a route needs (DESIGN §8). Every route states one in the {@link RouteTable}, so none can
 * exist without it. Immutable and thread-safe.
 */
public enum Access implements RouteRole {
  /** No credential needed: health, ping, preflights, the dashboard's static files. */
  PUBLIC,
  /** Probes (and admins): registration, heartbeat, agent config, reports. */
  PROBE,
  /** Viewers (and admins): everything that reads. */
  VIEWER,
  /** Admins only: keys, alert rules, and anything not listed for another role. */
  ADMIN;

  /** True when {@code role} may use a route that needs this access. */
  public boolean allows(Role role) {
    return switch (this) {
      case PUBLIC -> true;
      case PROBE -> role == Role.PROBE || role == Role.ADMIN;
      case VIEWER -> role == Role.VIEWER || role == Role.ADMIN;
      case ADMIN -> role == Role.ADMIN;
    };
  }
}
