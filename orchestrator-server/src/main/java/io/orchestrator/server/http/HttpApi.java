package io.orchestrator.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.report.InvalidReportException;
import io.orchestrator.core.storage.OutsideHistoryException;
import io.orchestrator.core.storage.StorageUnavailableException;
import io.orchestrator.core.storage.StoreFullException;
import io.orchestrator.server.ServerConfig;
import io.orchestrator.server.json.BadRequestException;
import io.orchestrator.server.json.TopologyEncoding;
import io.orchestrator.server.ws.WsFeed;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs every REST route of DESIGN §4.2 with CORS and uniform errors ({@code {"error": ...}}):
 * bad input is a 4xx naming the problem, an unknown route a JSON 404, and anything unexpected a 500
 * that is logged (never the cause's text). Thread-safe once installed.
 */
public final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private final Orchestrator orchestrator;
  private final ServerConfig config;
  private final Wiring wiring;
  private static final int RETRY_AFTER_SECONDS = 5;

  private final AtomicLong agentCapRefusals = new AtomicLong();
  private final AtomicLong storageRefusals = new AtomicLong();

  /**
   * What the routes need besides the engine and the configuration. Immutable and thread-safe.
   *
   * @param clock the server clock (timestamps in responses)
   * @param topology the per-version topology encoding shared with the WebSocket feed
   * @param websocketClients how many WebSocket clients are connected
   * @param websocketDropped how many WebSocket clients were closed for not keeping up
   */
  public record Wiring(
      Clock clock,
      TopologyEncoding topology,
      IntSupplier websocketClients,
      LongSupplier websocketDropped) {}

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

  /** Adds the routes, CORS and error handling to {@code javalin}. */
  public void install(JavalinConfig javalin) {
    javalin.http.maxRequestSize = config.maxBodySize();
    javalin.jetty.modifyServer(s -> s.setErrorHandler(new JsonErrorHandler()));
    BodyReader body = new BodyReader(config.maxBodySize());
    Cors cors = new Cors(config.corsOrigins());
    RoutesConfig routes = javalin.routes;
    routes.before(cors::apply);
    routes.options("/*", cors::preflight);
    new AgentRoutes(orchestrator, body, wiring.clock()).register(routes);
    new ReportRoutes(orchestrator, body).register(routes);
    new QueryRoutes(orchestrator, wiring.clock(), wiring.topology()).register(routes);
    new StatsRoute(orchestrator, wiring.websocketClients(), wiring.websocketDropped())
        .register(routes);
    // A browser tab or curl pointed at the feed learns what it is, not "no such endpoint".
    routes.get(
        WsFeed.PATH,
        ctx -> {
          ctx.header("Upgrade", "websocket");
          Responses.error(
              ctx, 426, "this endpoint is a WebSocket: connect with Upgrade: websocket");
        });
    routes.exception(
        BadRequestException.class, (e, ctx) -> Responses.error(ctx, e.status(), e.getMessage()));
    routes.exception(
        InvalidReportException.class, (e, ctx) -> Responses.error(ctx, 400, e.getMessage()));
    routes.exception(
        OutsideHistoryException.class, (e, ctx) -> Responses.error(ctx, 400, e.getMessage()));
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
