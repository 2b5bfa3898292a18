package io.orchestrator.server.ws;

import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.server.ServerConfig;
import io.orchestrator.server.json.TopologyEncoding;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.session.NullSessionCache;
import org.eclipse.jetty.session.NullSessionDataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/ws} (DESIGN §4.6): the initial topology, coalesced topology updates and report
 * updates from the hub, application ping/pong, per-client subscriptions, protocol pings with an
 * idle timeout, and bounded per-client send buffers. Thread-safe.
 */
public final class WsFeed {
  /** Path of the feed. */
  public static final String PATH = "/api/v1/ws";

  private static final Logger LOG = LoggerFactory.getLogger(WsFeed.class);

  private final Orchestrator orchestrator;
  private final ClientMessages messages;
  private final Duration idleTimeout;
  private final long silenceLimitNanos;
  private final WsClient.Settings settings;
  private final Map<String, WsClient> clients = new ConcurrentHashMap<>();
  private final AtomicLong overflowClosed = new AtomicLong();
  private final AtomicLong silentClosed = new AtomicLong();
  private final Frames frames;
  // One thread: a topology version is encoded once (the Event memo) and clients queue at most one
  // task each (WsClient coalesces), so the queue is bounded by the number of clients.
  private final ExecutorService encoder =
      Executors.newSingleThreadExecutor(daemon("orchestrator-ws-encoder"));
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(daemon("orchestrator-ws-sweeper"));

  /**
   * Creates the feed.
   *
   * @param orchestrator the engine whose hub feeds the clients
   * @param config idle timeout (pings go out every third of it) and per-client send buffer
   * @param clock the server clock
   * @param topology the per-version topology encoding shared with REST
   */
  public WsFeed(
      Orchestrator orchestrator, ServerConfig config, Clock clock, TopologyEncoding topology) {
    this.orchestrator = orchestrator;
    this.frames = new Frames(topology);
    this.messages = new ClientMessages(clock, orchestrator::topology);
    this.idleTimeout = config.wsIdleTimeout();
    this.settings = new WsClient.Settings(config.wsSendBuffer(), this::overflowed, encoder);
    long sweepMs = Math.max(1, idleTimeout.toMillis() / 4);
    this.silenceLimitNanos = idleTimeout.minusMillis(sweepMs).toNanos();
    // The task catches its own failures: an exception would silently cancel every later sweep.
    Future<?> unused =
        sweeper.scheduleWithFixedDelay(
            this::closeSilentClients, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Adds the endpoint to {@code config}. */
  public void install(JavalinConfig config) {
    config.jetty.modifyWebSocketServletFactory(f -> f.setIdleTimeout(idleTimeout));
    // Javalin reads the HTTP session's attributes on every upgrade, which creates a session, and
    // Jetty's default cache keeps each one (with a timer) long after the socket has closed: ~700
    // bytes per connection ever made. Nothing here uses sessions, so none is kept.
    config.jetty.modifyServletContextHandler(
        h -> {
          SessionHandler sessions = h.getSessionHandler();
          NullSessionCache none = new NullSessionCache(sessions);
          none.setSessionDataStore(new NullSessionDataStore());
          sessions.setSessionCache(none);
          // Nor is a JSESSIONID cookie handed out: a browser would send it to every port on the
          // host.
          sessions.setUsingCookies(false);
        });
    config.routes.ws(PATH, this::configure);
  }

  /** Connected clients. */
  public int clients() {
    return clients.size();
  }

  /** Clients closed because they stopped reading or answering pings, since start. */
  public long dropped() {
    return overflowClosed.get() + silentClosed.get();
  }

  /** Closes every connected client with 1001 (going away); the first step of shutdown. */
  public void closeClients() {
    clients.values().forEach(c -> c.close(WsClient.GOING_AWAY, "server shutting down"));
  }

  /** Closes any client still connected and stops the feed's threads; the last step of shutdown. */
  public void closeAll() {
    sweeper.shutdownNow();
    closeClients();
    encoder.shutdownNow();
  }

  // Jetty's own idle timeout cannot catch a peer that vanished without a FIN (a laptop lid shut, a
  // network gone): the pings it writes count as activity, so the connection would stay until TCP
  // gives up retransmitting, ~15 minutes later. A client that answers pings is silent for at most
  // the ping interval (a third of the idle timeout); one silent for three quarters of it is gone,
  // and the sweep every quarter catches it before the idle timeout has passed.
  private void closeSilentClients() {
    long now = System.nanoTime();
    for (WsClient c : clients.values()) {
      try {
        // A closing client stays listed until Jetty reports the close: count it once.
        if (c.liveness().silentNanos(now) >= silenceLimitNanos
            && c.abort(WsClient.GOING_AWAY, "no pong within the idle timeout")) {
          long n = silentClosed.incrementAndGet();
          if (Long.bitCount(n) == 1) {
            LOG.warn("Closed a WebSocket client that answered no ping ({} so far)", n);
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("Could not check or close a silent WebSocket client", e);
      }
    }
  }

  private void configure(WsConfig ws) {
    ws.onConnect(
        ctx -> {
          WsClient client = new WsClient(ctx.session, frames, settings);
          clients.put(ctx.sessionId(), client);
          long pingMs = Math.max(1, idleTimeout.toMillis() / 3);
          ctx.enableAutomaticPings(pingMs, TimeUnit.MILLISECONDS);
          // Subscribed before the snapshot, started after it: the first frame is the topology,
          // nothing published in between is lost, and an older topology event loses to the
          // snapshot by version.
          client.subscription(orchestrator.hub().subscribe(ClientMessages.DEFAULT_FILTER, client));
          client.sendTopology(orchestrator.topology());
          client.start();
        });
    ws.onMessage(
        ctx -> {
          WsClient client = clients.get(ctx.sessionId());
          if (client != null) {
            messages.handle(client, ctx.message());
          }
        });
    ws.onClose(ctx -> disconnect(ctx));
    ws.onError(ctx -> disconnect(ctx));
  }

  private void disconnect(WsContext ctx) {
    WsClient c = clients.remove(ctx.sessionId());
    if (c != null && c.subscription() != null) {
      c.subscription().close();
    }
  }

  private void overflowed() {
    long n = overflowClosed.incrementAndGet();
    if (Long.bitCount(n) == 1) {
      LOG.warn("Closed a WebSocket client that stopped reading ({} so far)", n);
    }
  }
}
