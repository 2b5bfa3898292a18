package io.orchestrator.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.alert.InvalidRuleException;
import io.orchestrator.core.query.QueryException;
import io.orchestrator.core.report.InvalidReportException;
import io.orchestrator.core.storage.OutsideHistoryException;
import io.orchestrator.core.storage.StorageUnavailableException;
import io.orchestrator.core.storage.StoreFullException;
import io.orchestrator.server.ServerConfig;
import io.orchestrator.server.json.BadRequestException;
import io.orchestrator.server.json.TopologyEncoding;
import io.orchestrator.server.metrics.ServerMetrics;
import io.orchestrator.server.security.ServerSecurity;
import io.orchestrator.server.ws.WsFeed;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs every REST route of DESIGN §4.2 with CORS and uniform errors ({@code {"error": ...}}):
 * bad input is a 4xx naming the problem, an unknown route a JSON 404, and anything unexpected a 500
 * that is logged (never the cause's text). Thread-safe once installed.
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private final Orchestrator orchestrator;
  private final ServerConfig config;
  private final Wiring wiring;
  private static final int RETRY_AFTER_SECONDS = 5;

  private final AtomicLong agentCapRefusals = new AtomicLong();
  private final AtomicLong storageRefusals = new AtomicLong();
  private volatile AccessLog accessLog;
  private volatile RouteTable table;

  /**
   * What the routes need besides the engine and the configuration. Immutable and thread-safe.
   *
   * @param clock the server clock (timestamps in responses)
   * @param topology the per-version topology encoding shared with the WebSocket feed
   * @param metrics the server's metrics, with the feed's counters
   * @param security the authenticator, keys and rate limits
   */
  public record Wiring(
      Clock clock, TopologyEncoding topology, ServerMetrics metrics, ServerSecurity security) {}

  /**
   * Creates the API.
   *
   * @param orchestrator the engine
   * @param config CORS origins and body limit are read from it
   * @param wiring clock, shared encoding and WebSocket counters
   */
  public HttpApi(Orchestrator orchestrator, ServerConfig config, Wiring wiring) {
    this.orchestrator = orchestrator;
    this.config = config;
    this.wiring = wiring;
  }

  /**
   * What sits in front of everything Jetty serves: request ids, the access log, request metrics.
   *
   * @throws IllegalStateException when the access log cannot be opened
   */
  public Handler.Wrapper observer() {
    try {
      accessLog = AccessLog.open(wiring.security().config().accessLog(), wiring.clock());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot open access log "
              + wiring.security().config().accessLog()
              + ": "
              + e.getMessage(),
          e);
    }
    return new RequestObserver(accessLog, wiring.metrics());
  }

  /** Closes the access log. */
  @Override
  public void close() {
    if (accessLog != null) {
      try {
        accessLog.close();
      } catch (IOException e) {
        LOG.warn("Access log not closed cleanly: {}", e.toString());
      }
    }
  }

  /** The routes installed (empty before {@link #install}). */
  public List<Route> routes() {
    RouteTable t = table;
    return t == null ? List.of() : t.routes();
  }

  /** Every route, with the access each needs. */
  private RouteTable table() {
    BodyReader body = new BodyReader(config.maxBodySize());
    Cors cors = new Cors(config.corsOrigins());
    List<Route> all = new ArrayList<>();
    all.add(new Route(HandlerType.OPTIONS, "/*", Access.PUBLIC, "CORS preflight", cors::preflight));
    all.addAll(new QueryRoutes(orchestrator, wiring.clock(), wiring.topology()).routes());
    all.addAll(new AgentRoutes(orchestrator, body, wiring.clock()).routes());
    all.addAll(new ReportRoutes(orchestrator, body, wiring.metrics()).routes());
    all.addAll(new StatsRoute(orchestrator, wiring.metrics().feed()).routes());
    all.addAll(new ClusterRoute(orchestrator).routes());
    all.addAll(new AdminRoutes(wiring.security().keys(), body).routes());
    all.addAll(new AlertRoutes(orchestrator.alerting(), body).routes());
    all.addAll(new MetricsRoute(wiring.metrics()).routes());
    all.addAll(new OpenApiRoute().routes());
    all.addAll(new UiRoutes().routes());
    all.addAll(new SearchRoute(orchestrator, wiring.topology().filtered().queries()).routes());
    all.addAll(new ExportRoutes(orchestrator, wiring.topology().filtered().queries()).routes());
    // A browser tab or curl pointed at the feed learns what it is, not "no such endpoint".
    all.add(
        Route.get(
            WsFeed.PATH,
            Access.VIEWER,
            "The WebSocket feed (with Upgrade: websocket)",
            ctx -> {
              ctx.header("Upgrade", "websocket");
              Responses.error(
                  ctx, 426, "this endpoint is a WebSocket: connect with Upgrade: websocket");
            }));
    return new RouteTable(all);
  }

  /** Adds the routes, CORS, the guard and error handling to {@code javalin}. */
  public void install(JavalinConfig javalin) {
    javalin.http.maxRequestSize = config.maxBodySize();
    javalin.jetty.modifyServer(s -> s.setErrorHandler(new JsonErrorHandler()));
    RoutesConfig routes = javalin.routes;
    routes.before(new Cors(config.corsOrigins())::apply);
    ServerSecurity security = wiring.security();
    new Guard(security.config().auth(), security.authenticator(), security.limits())
        .install(routes);
    table = table();
    table.install(routes);
    routes.exception(
        BadRequestException.class, (e, ctx) -> Responses.error(ctx, e.status(), e.getMessage()));
    routes.exception(
        InvalidReportException.class, (e, ctx) -> Responses.error(ctx, 400, e.getMessage()));
    routes.exception(
        OutsideHistoryException.class, (e, ctx) -> Responses.error(ctx, 400, e.getMessage()));
    routes.exception(QueryException.class, (e, ctx) -> Responses.error(ctx, 400, e.getMessage()));
    routes.exception(
        InvalidRuleException.class, (e, ctx) -> Responses.error(ctx, 400, e.getMessage()));
    routes.exception(
        StorageUnavailableException.class,
        (e, ctx) -> {
          long n = storageRefusals.incrementAndGet();
          if (Long.bitCount(n) == 1) {
            LOG.warn(
                "Refused a write: storage unavailable ({} refusals so far): {}", n, e.getMessage());
          }
          ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
          Responses.error(ctx, 503, "storage unavailable: " + e.getMessage());
        });
    routes.exception(
        StoreFullException.class,
        (e, ctx) -> {
          long n = agentCapRefusals.incrementAndGet();
          if (Long.bitCount(n) == 1) {
            LOG.warn("Refused a new agent: the agent cap is reached ({} refusals so far)", n);
          }
          Responses.error(ctx, 503, "agent capacity reached; try again after stale agents expire");
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          Responses.error(ctx, 500, "internal error");
        });
    routes.error(
        HttpStatus.NOT_FOUND,
        ctx -> {
          if (ctx.attribute(Responses.WRITTEN) == null) {
            Responses.error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
          }
        });
    routes.error(
        HttpStatus.METHOD_NOT_ALLOWED,
        ctx -> Responses.error(ctx, 405, "method not allowed: " + ctx.method() + " " + ctx.path()));
  }
}
