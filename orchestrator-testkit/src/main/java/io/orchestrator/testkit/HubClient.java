package io.orchestrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A WebSocket client of the feed ({@code /api/v1/ws}) for tests: every frame is parsed and queued
 * for {@link #take} and {@link #await}.
 *
 * <pre>{@code
 * try (HubClient hub = HubClient.connect(orchestrator.wsUri())) {
 *   JsonNode update = hub.await("report_update", p -> p.path("agent_id").asText().equals("node-1"),
 *       Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class HubClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_QUEUED = 10_000;

  private final Socket socket;

  private HubClient(Socket socket) {
    this.socket = socket;
  }

  /** Connects, waiting up to ten seconds for the handshake. */
  public static HubClient connect(URI wsUri) throws InterruptedException {
    return open(new Socket(wsUri, false));
  }

  /**
   * Connects, and reconnects whenever the server closes or drops the connection (behind a load
   * balancer, to another replica), sending the last subscription again. Frames keep arriving in the
   * same queue; {@link #reconnects} counts the reconnections.
   */
  public static HubClient connectWithReconnect(URI wsUri) throws InterruptedException {
    return open(new Socket(wsUri, true));
  }

  private static HubClient open(Socket s) throws InterruptedException {
    if (!s.connectBlocking(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("could not connect to " + s.getURI());
    }
    return new HubClient(s);
  }

  /** How many times the connection was made again after the server ended it. */
  public int reconnects() {
    return socket.reconnects.get();
  }

  /**
   * The next frame ({@code {"type","payload"}}).
   *
   * @throws AssertionError when none arrives within {@code timeout}
   */
  public JsonNode take(Duration timeout) throws InterruptedException {
    JsonNode f = socket.frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (f == null) {
      throw new AssertionError("no frame within " + timeout);
    }
    return f;
  }

  /**
   * The payload of the next frame of {@code type} whose payload matches {@code predicate}; other
   * frames are skipped.
   *
   * @throws AssertionError when none arrives within {@code timeout}
   */
  public JsonNode await(String type, Predicate<JsonNode> predicate, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode f = left <= 0 ? null : socket.frames.poll(left, TimeUnit.NANOSECONDS);
      if (f == null) {
        throw new AssertionError("no " + type + " frame matching within " + timeout);
      }
      if (type.equals(f.path("type").asText()) && predicate.test(f.path("payload"))) {
        return f.path("payload");
      }
    }
  }

  /** Sends {@code {"type":"subscribe"}} with these types and agents (empty for no limit). */
  public void subscribe(List<String> types, List<String> agents) {
    String message = subscribeMessage(types, agents);
    socket.subscription = message;
    socket.send(message);
  }

  /** The {@code subscribe} message for these types and agents, as sent on the feed. */
  public static String subscribeMessage(List<String> types, List<String> agents) {
    return json(Map.of("type", "subscribe", "payload", Map.of("types", types, "agents", agents)));
  }

  /** Sends an application ping; the answer is a {@code pong} frame. */
  public void ping() {
    send(Map.of("type", "ping"));
  }

  /** Sends raw text. */
  public void sendText(String text) {
    socket.send(text);
  }

  private void send(Object message) {
    socket.send(json(message));
  }

  private static String json(Object message) {
    try {
      return JSON.writeValueAsString(message);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True while connected. */
  public boolean isOpen() {
    return socket.isOpen();
  }

  /** Frames dropped because more than 10,000 were waiting to be taken. */
  public int dropped() {
    return socket.dropped.get();
  }

  /** The close code the connection ended with, or -1 while open. */
  public int closeCode() {
    return socket.closeCode.get();
  }

  @Override
  public void close() {
    socket.closing = true;
    try {
      socket.closeBlocking();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Socket extends WebSocketClient {
    /** Bounded: a test that never takes cannot grow memory without limit; overflow is counted. */
    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>(MAX_QUEUED);

    final AtomicInteger dropped = new AtomicInteger();
    final AtomicInteger closeCode = new AtomicInteger(-1);
    final AtomicInteger reconnects = new AtomicInteger();
    private final boolean reconnect;
    private final AtomicBoolean reconnecting = new AtomicBoolean();
    volatile boolean closing;
    volatile String subscription;

    Socket(URI uri, boolean reconnect) {
      super(uri);
      this.reconnect = reconnect;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      String s = subscription;
      if (s != null) {
        send(s);
      }
    }

    @Override
    public void onMessage(String message) {
      JsonNode frame;
      try {
        frame = JSON.readTree(message);
      } catch (IOException e) {
        frame = JSON.createObjectNode().put("type", "unparseable").put("payload", message);
      }
      if (!frames.offer(frame)) {
        dropped.incrementAndGet();
      }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      if (!reconnect || closing) {
        closeCode.compareAndSet(-1, code);
        return;
      }
      if (!reconnecting.compareAndSet(false, true)) {
        return; // a failed attempt of the loop below
      }
      // Not on this thread: the library's reconnect joins the thread that is closing.
      Thread t = new Thread(this::reconnectUntilOpen, "hub-client-reconnect");
      t.setDaemon(true);
      t.start();
    }

    private void reconnectUntilOpen() {
      try {
        attempt();
      } finally {
        reconnecting.set(false);
      }
    }

    private void attempt() {
      long backoffMs = 50;
      while (!closing) {
        try {
          TimeUnit.MILLISECONDS.sleep(backoffMs);
          if (reconnectBlocking()) {
            reconnects.incrementAndGet();
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        backoffMs = Math.min(2_000, backoffMs * 2);
      }
    }

    @Override
    public void onError(Exception ex) {}
  }
}
