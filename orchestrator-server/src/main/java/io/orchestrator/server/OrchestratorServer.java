package io.orchestrator.server;

import io.javalin.Javalin;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.OrchestratorBuilder;
import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.server.alert.AlertNotifiers;
import io.orchestrator.server.http.HeaderDeadline;
import io.orchestrator.server.http.HttpApi;
import io.orchestrator.server.http.Route;
import io.orchestrator.server.json.JsonReportCodec;
import io.orchestrator.server.json.TopologyEncoding;
import io.orchestrator.server.metrics.ServerMetrics;
import io.orchestrator.server.security.ServerSecurity;
import io.orchestrator.server.security.Tls;
import io.orchestrator.server.ws.WsFeed;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP and WebSocket server around an {@link Orchestrator}: every REST endpoint of DESIGN §4.2
 * and the feed of §4.6, on Javalin.
 *
 * <pre>{@code
 * try (OrchestratorServer server = OrchestratorServer.start(ServerConfig.builder().port(0).build())) {
 *   URI api = server.baseUri();
 * }
 * }</pre>
 *
 * <p>{@link #close()} shuts down gracefully: stop accepting, let in-flight requests finish within
 * the grace period, close WebSocket clients with 1001, stop the engine's background tasks. Thread-
 * safe.
 */
public final class OrchestratorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OrchestratorServer.class);

  private final ServerConfig config;
  private final Orchestrator orchestrator;
  private final boolean ownsOrchestrator;
  private final WsFeed feed;
  private final GracefulHandler graceful = new GracefulHandler();
  private final ServerMetrics metrics;
  private final ServerSecurity security;
  private final HttpApi api;
  private final HeaderDeadline headers;
  private final Javalin app;
  private volatile boolean closed;

  private OrchestratorServer(
      ServerConfig config, Orchestrator orchestrator, boolean owns, Clock clock) {
    this.config = config;
    this.orchestrator = orchestrator;
    this.ownsOrchestrator = owns;
    TopologyEncoding topology = new TopologyEncoding();
    this.feed = new WsFeed(orchestrator, config, clock, topology);
    this.metrics =
        new ServerMetrics(orchestrator, new ServerMetrics.Feed(feed::clients, feed::dropped));
    this.security = new ServerSecurity(config.security(), orchestrator.apiKeys(), clock);
    this.api =
        new HttpApi(orchestrator, config, new HttpApi.Wiring(clock, topology, metrics, security));
    Handler.Wrapper observer = api.observer();
    this.headers = new HeaderDeadline(config.headerTimeout(), 32);
    this.app =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              c.jetty.modifyHttpConfiguration(
                  h -> {
                    h.setIdleTimeout(config.httpIdleTimeout().toMillis());
                    h.setSendServerVersion(false);
                    h.setRequestHeaderSize(16 * 1024);
                    // Jetty's per-connection header cache is a ~100 KB trie once a connection
                    // sends its second request: 100 MB for 1,000 keep-alive probes, more than
                    // their reports. Without it a request allocates its few header strings.
                    h.setHeaderCacheSize(0);
                  });
              // Jetty's graceful stop: refuse new connections, wait for requests in flight
              // (counted until their response completes) up to the grace period.
              c.jetty.modifyServer(
                  s -> {
                    // Javalin attaches its servlet context inside the innermost wrapper: the
                    // observer sees every request, the graceful stop counts every one.
                    graceful.setHandler(observer);
                    s.setHandler(graceful);
                    s.setStopTimeout(config.shutdownGrace().toMillis());
                  });
              if (config.security().tls() != null) {
                c.jetty.addConnector(
                    (server, http) ->
                        Tls.connector(
                            server, http, config.security().tls(), config.host(), config.port()));
              }
              api.install(c);
              feed.install(c);
            });
  }

  /**
   * Starts a server with its own engine, configured from {@code config}.
   *
   * @throws IllegalStateException when the port cannot be bound (the message says why)
   * @throws io.orchestrator.core.storage.StorageUnavailableException when the storage cannot be
   *     opened (the message says why)
   */
  public static OrchestratorServer start(ServerConfig config) {
    AtomicReference<URI> own = new AtomicReference<>(URI.create("http://localhost"));
    OrchestratorBuilder b =
        Orchestrator.builder()
            .maxDataAge(config.maxDataAge())
            .cleanupInterval(config.cleanupInterval())
            .staleThreshold(config.staleThreshold())
            .alertInterval(config.alerts().interval())
            .reportCodec(JsonReportCodec.INSTANCE)
            .storage(config.storage().factory());
    AlertNotifiers.of(config.alerts(), own::get).forEach(b::notifier);
    OrchestratorServer server =
        start(config, Replicas.join(config, b).build(), true, Clock.systemUTC());
    own.set(server.baseUri());
    return server;
  }

  /**
   * Starts a server around an engine the caller owns (and closes); {@code config}'s engine settings
   * are ignored.
   */
  public static OrchestratorServer start(ServerConfig config, Orchestrator orchestrator) {
    return start(config, orchestrator, false, Clock.systemUTC());
  }

  private static OrchestratorServer start(
      ServerConfig config, Orchestrator o, boolean owns, Clock clock) {
    OrchestratorServer server =
        new OrchestratorServer(config, Objects.requireNonNull(o), owns, clock);
    try {
      server.app.start(config.host(), config.port());
    } catch (RuntimeException e) {
      server.feed.closeAll();
      server.security.close();
      server.api.close();
      server.headers.close();
      if (owns) {
        o.close();
      }
      throw new IllegalStateException(
          "cannot listen on " + config.host() + ":" + config.port() + ": " + rootMessage(e), e);
    }
    // The HTTP configuration's idle timeout covers requests in progress; the connector's covers a
    // connection still sending its headers (slow-loris). Javalin creates its connector inside
    // start() with no hook, so it is set here; only connections accepted in the meantime keep
    // Jetty's default of 30 s.
    for (Connector c : server.app.jettyServer().server().getConnectors()) {
      if (c instanceof AbstractConnector connector) {
        connector.setIdleTimeout(config.httpIdleTimeout().toMillis());
        connector.addEventListener(server.headers);
      }
    }
    LOG.info("Listening on {}:{}", config.host(), server.port());
    server.loadRules();
    return server;
  }

  /** Puts the rules of {@code -alert-rules} in the storage, replacing any of the same name. */
  private void loadRules() {
    List<AlertRule> rules = config.alerts().rules();
    if (!rules.isEmpty()) {
      rules.forEach(orchestrator.alerting().rules()::put);
      LOG.info("Loaded {} alert rules from -alert-rules", rules.size());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** This replica's name ({@code -node-id}, or host name and port). */
  public String nodeId() {
    return orchestrator.cluster().nodeId();
  }

  /** The bound port (the chosen one when configured with 0). */
  public int port() {
    return app.port();
  }

  /** {@code http://host:port} for the REST API. */
  public URI baseUri() {
    String scheme = config.security().tls() == null ? "http://" : "https://";
    return URI.create(scheme + displayHost() + ":" + port());
  }

  /** {@code ws://host:port/api/v1/ws} for the feed. */
  public URI wsUri() {
    String scheme = config.security().tls() == null ? "ws://" : "wss://";
    return URI.create(scheme + displayHost() + ":" + port() + WsFeed.PATH);
  }

  private String displayHost() {
    String h = config.host();
    return h.equals("0.0.0.0") || h.equals("::") ? "localhost" : h;
  }

  /** The engine behind the server. */
  public Orchestrator orchestrator() {
    return orchestrator;
  }

  /** The configuration it runs with. */
  public ServerConfig config() {
    return config;
  }

  /** Every route the server answers, with the access each needs (DESIGN §7). */
  public List<Route> routes() {
    return api.routes();
  }

  /** Connected WebSocket clients. */
  public int websocketClients() {
    return feed.clients();
  }

  /** HTTP requests being handled right now. */
  public long inFlightRequests() {
    return graceful.getCurrentRequestCount();
  }

  /** Graceful shutdown; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("Shutting down: draining requests for up to {}", config.shutdownGrace());
    // WebSocket clients are not requests to drain. Told first, their connections close at once;
    // left open, Jetty's stop would wait out the grace for any whose pings keep it from idling.
    feed.closeClients();
    try {
      app.stop();
    } catch (RuntimeException e) {
      LOG.warn("Requests still running after {} were cut off", config.shutdownGrace());
    } finally {
      feed.closeAll();
      security.close();
      api.close();
      headers.close();
      if (ownsOrchestrator) {
        orchestrator.close();
      }
      LOG.info("Stopped");
    }
  }
}
