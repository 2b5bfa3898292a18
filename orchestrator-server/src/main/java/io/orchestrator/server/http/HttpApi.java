package io.orchestrator.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.report.InvalidReportException;
import io.orchestrator.core.storage.StoreFullException;
import io.orchestrator.server.json.BadRequestException;
import java.time.Clock;
import java.util.List;
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
  private final Clock clock;
  private final List<String> corsOrigins;
  private final long maxBodySize;
  private final IntSupplier websocketClients;
  private final LongSupplier websocketDropped;
  private final AtomicLong agentCapRefusals = new AtomicLong();

  /**
   * Creates the API.
   *
   * @param orchestrator the engine
   * @param clock the server clock (timestamps in responses)
   * @param corsOrigins allowed CORS origins
   * @param maxBodySize largest request body in bytes
   * @param websocketClients how many WebSocket clients are connected
   * @param websocketDropped how many WebSocket clients were closed for not keeping up
   */
  public HttpApi(
      Orchestrator orchestrator,
      Clock clock,
      List<String> corsOrigins,
      long maxBodySize,
      IntSupplier websocketClients,
      LongSupplier websocketDropped) {
    this.orchestrator = orchestrator;
    this.clock = clock;
    this.corsOrigins = List.copyOf(corsOrigins);
    this.maxBodySize = maxBodySize;
    this.websocketClients = websocketClients;
    this.websocketDropped = websocketDropped;
  }

  /** Adds the routes, CORS and error handling to {@code config}. */
  public void install(JavalinConfig config) {
    config.http.maxRequestSize = maxBodySize;
    BodyReader body = new BodyReader(maxBodySize);
    Cors cors = new Cors(corsOrigins);
    config.routes.before(cors::apply);
    config.routes.options("/*", cors::preflight);
    new AgentRoutes(orchestrator, body, clock).register(config.routes);
    new ReportRoutes(orchestrator, body).register(config.routes);
    new QueryRoutes(orchestrator, clock).register(config.routes);
    new StatsRoute(orchestrator, websocketClients, websocketDropped).register(config.routes);
    config.routes.exception(
        BadRequestException.class, (e, ctx) -> Responses.error(ctx, e.status(), e.getMessage()));
    config.routes.exception(
        InvalidReportException.class, (e, ctx) -> Responses.error(ctx, 400, e.getMessage()));
    config.routes.exception(
        StoreFullException.class,
        (e, ctx) -> {
          long n = agentCapRefusals.incrementAndGet();
          if (Long.bitCount(n) == 1) {
            LOG.warn("Refused a new agent: the agent cap is reached ({} refusals so far)", n);
          }
          Responses.error(ctx, 503, "agent capacity reached; try again after stale agents expire");
        });
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          Responses.error(ctx, 500, "internal error");
        });
    config.routes.error(
        HttpStatus.NOT_FOUND,
        ctx -> {
          if (ctx.attribute(Responses.WRITTEN) == null) {
            Responses.error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
          }
        });
    config.routes.error(
        HttpStatus.METHOD_NOT_ALLOWED,
        ctx -> Responses.error(ctx, 405, "method not allowed: " + ctx.method() + " " + ctx.path()));
  }
}
