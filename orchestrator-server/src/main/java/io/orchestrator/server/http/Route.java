package io.orchestrator.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One route of the API: method, path template (Javalin's {@code {param}} syntax), the access it
 * needs, what it does (one line, for the API description), and its handler. Immutable and
 * thread-safe.
 *
 * @param method the HTTP method
 * @param path the path template
 * @param access the role it needs
 * @param summary what it does
 * @param handler the handler
 */
public record Route(
    HandlerType method, String path, Access access, String summary, Handler handler) {

  /** Checks every part is given. */
  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(handler, "handler");
  }

  /** A GET route. */
  public static Route get(String path, Access access, String summary, Handler handler) {
    return new Route(HandlerType.GET, path, access, summary, handler);
  }

  /** A POST route. */
  public static Route post(String path, Access access, String summary, Handler handler) {
    return new Route(HandlerType.POST, path, access, summary, handler);
  }

  /** A PUT route. */
  public static Route put(String path, Access access, String summary, Handler handler) {
    return new Route(HandlerType.PUT, path, access, summary, handler);
  }

  /** A DELETE route. */
  public static Route delete(String path, Access access, String summary, Handler handler) {
    return new Route(HandlerType.DELETE, path, access, summary, handler);
  }
}
