package io.orchestrator.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/** A java-websocket client that queues every frame it receives. */
final class WsTestClient extends WebSocketClient {
  final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  final AtomicInteger closeCode = new AtomicInteger(-1);
  final AtomicInteger pings = new AtomicInteger();
  final AtomicReference<String> closeReason = new AtomicReference<>();

  WsTestClient(URI uri) {
    super(uri);
  }

  private WsTestClient(URI uri, Draft draft) {
    super(uri, draft);
  }

  /** A client that negotiates permessage-deflate, as browsers do. */
  static WsTestClient connectCompressing(URI uri) throws InterruptedException {
    WsTestClient c = new WsTestClient(uri, new Draft_6455(new PerMessageDeflateExtension()));
    if (!c.connectBlocking(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("could not connect to " + uri);
    }
    return c;
  }

  static WsTestClient connect(URI uri) throws InterruptedException {
    WsTestClient c = new WsTestClient(uri);
    if (!c.connectBlocking(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("could not connect to " + uri);
    }
    return c;
  }

  @Override
  public void onOpen(ServerHandshake handshake) {}

  @Override
  public void onMessage(String message) {
    try {
      frames.add(TestServer.JSON.readTree(message));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    if (closeCode.compareAndSet(-1, code)) {
      closeReason.set(reason);
    }
  }

  @Override
  public void onError(Exception ex) {}

  @Override
  public void onWebsocketPing(WebSocket conn, Framedata f) {
    pings.incrementAndGet();
    super.onWebsocketPing(conn, f); // answers with a pong
  }

  /** The next frame matching {@code want}, skipping others; fails after {@code timeout}. */
  JsonNode await(Predicate<JsonNode> want, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode f = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
      if (f == null) {
        throw new AssertionError("no matching frame within " + timeout);
      }
      if (want.test(f)) {
        return f;
      }
    }
  }

  JsonNode awaitType(String type, Duration timeout) throws InterruptedException {
    return await(f -> type.equals(f.path("type").asText()), timeout);
  }
}
