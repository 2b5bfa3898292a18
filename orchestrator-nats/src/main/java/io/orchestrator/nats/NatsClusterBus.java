package io.orchestrator.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import io.orchestrator.core.cluster.BusState;
import io.orchestrator.core.cluster.ClusterBus;
import io.orchestrator.core.cluster.ClusterEvent;
import io.orchestrator.core.cluster.ClusterEventCodec;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster bus on NATS JetStream (DESIGN §11). Each replica publishes what it committed to one
 * stream, with its node id in a header, and reads the stream through an ordered consumer that
 * starts a little before the replica did, so nothing published while it loaded the storage is
 * missed. The client reconnects by itself; after a reconnection the engine reads the storage again,
 * since what was published meanwhile may be lost.
 *
 * <pre>{@code
 * ClusterBus bus = NatsClusterBus.connect(NatsBusConfig.of(List.of("nats://127.0.0.1:4222")), codec);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class NatsClusterBus implements ClusterBus {
  private static final Logger LOG = LoggerFactory.getLogger(NatsClusterBus.class);
  static final String ORIGIN = "Orchestrator-Origin";

  private final NatsBusConfig config;
  private final ClusterEventCodec codec;
  private final Connection connection;
  private final JetStream jetStream;
  private final DeliveryQueue delivery = new DeliveryQueue();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong undecodable = new AtomicLong();
  private volatile String nodeId;
  private volatile Listener listener;
  private volatile boolean caughtUp;
  private volatile JetStreamSubscription subscription;

  private NatsClusterBus(NatsBusConfig config, ClusterEventCodec codec, Connection connection)
      throws IOException {
    this.config = config;
    this.codec = codec;
    this.connection = connection;
    this.jetStream = connection.jetStream();
  }

  /**
   * Connects to {@code config}'s servers and makes sure the stream exists.
   *
   * @throws IllegalStateException when no server can be reached
   */
  public static NatsClusterBus connect(NatsBusConfig config, ClusterEventCodec codec) {
    Reconnections reconnections = new Reconnections();
    Options options =
        Options.builder()
            .servers(config.servers().toArray(String[]::new))
            .connectionName("orchestrator")
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(500))
            .connectionListener(reconnections)
            .errorListener(new QuietErrors())
            .build();
    try {
      Connection c = Nats.connect(options);
      Streams.ensure(c, config);
      NatsClusterBus bus = new NatsClusterBus(config, codec, c);
      reconnections.bus = bus;
      LOG.info(
          "Cluster bus connected to {}, stream {}",
          NatsBusConfig.mask(String.valueOf(c.getConnectedUrl())),
          config.stream());
      return bus;
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException(
          "cannot reach NATS at " + config.maskedServers() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to NATS", e);
    }
  }

  @Override
  public void start(String nodeId, Listener listener) {
    this.nodeId = nodeId;
    this.listener = listener;
    delivery.start();
    Dispatcher dispatcher = connection.createDispatcher();
    ZonedDateTime from = ZonedDateTime.now(ZoneOffset.UTC).minus(config.replay());
    PushSubscribeOptions options =
        PushSubscribeOptions.builder()
            .ordered(true)
            .configuration(
                ConsumerConfiguration.builder()
                    .deliverPolicy(DeliverPolicy.ByStartTime)
                    .startTime(from)
                    .build())
            .build();
    try {
      subscription =
          jetStream.subscribe(config.subject(), dispatcher, this::onMessage, false, options);
      if (subscription.getConsumerInfo().getCalculatedPending() == 0) {
        caughtUp = true;
      }
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException(
          "cannot subscribe to stream " + config.stream() + ": " + e, e);
    }
  }

  private void onMessage(Message m) {
    if (m.metaData().pendingCount() == 0) {
      caughtUp = true;
    }
    Headers h = m.getHeaders();
    if (h != null && nodeId.equals(h.getFirst(ORIGIN))) {
      return; // our own
    }
    ClusterEvent event;
    try {
      event = codec.decode(m.getData());
    } catch (IllegalArgumentException e) {
      long n = undecodable.incrementAndGet();
      if (Long.bitCount(n) == 1) {
        LOG.warn("{} bus messages could not be read: {}", n, e.getMessage());
      }
      return;
    }
    received.incrementAndGet();
    delivery.put(() -> listener.onEvent(event));
  }

  @Override
  public void publish(ClusterEvent event) {
    Headers h = new Headers().put(ORIGIN, event.origin());
    CompletableFuture<?> ack;
    try {
      ack = jetStream.publishAsync(config.subject(), h, codec.encode(event));
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      return;
    }
    CompletableFuture<?> unused =
        ack.whenComplete(
            (ok, e) -> {
              if (e == null) {
                published.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
            });
  }

  void reconnected() {
    Listener l = listener;
    if (l != null) {
      delivery.put(l::onReconnected);
    }
  }

  @Override
  public BusState state() {
    boolean up = connection.getStatus() == Connection.Status.CONNECTED;
    return new BusState(
        up,
        caughtUp,
        published.get(),
        received.get(),
        failed.get(),
        up ? "ok" : "NATS " + connection.getStatus().name().toLowerCase(Locale.ROOT));
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    delivery.close();
  }

  /** Tells the bus when the client has reconnected. */
  private static final class Reconnections implements ConnectionListener {
    volatile NatsClusterBus bus;

    @Override
    @SuppressWarnings("deprecation") // the client still requires it; it calls the newer one
    public void connectionEvent(Connection conn, Events type) {
      connectionEvent(conn, type, null, null);
    }

    @Override
    public void connectionEvent(Connection conn, Events type, Long time, String uriDetails) {
      NatsClusterBus b = bus;
      if (type == Events.DISCONNECTED) {
        LOG.warn("Cluster bus disconnected; reconnecting");
      } else if (type == Events.RECONNECTED && b != null) {
        LOG.info(
            "Cluster bus reconnected to {}",
            NatsBusConfig.mask(String.valueOf(conn.getConnectedUrl())));
        b.reconnected();
      }
    }
  }
}
