package io.orchestrator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A receiver of webhook POSTs on a free port: queues each body with its Authorization header and
 * answers {@code status}. Thread-safe.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One POST as received. */
  record Received(JsonNode body, String authorization, String path) {}

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private volatile int status = 200;

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookReceiver r = new WebhookReceiver(s);
    s.createContext("/", r::handle);
    s.start();
    return r;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readAllBytes();
      received.add(
          new Received(
              TestServer.JSON.readTree(body),
              ex.getRequestHeaders().getFirst("Authorization"),
              ex.getRequestURI().getPath()));
    }
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  /** Answers every later POST with {@code code}. */
  void answer(int code) {
    status = code;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** The next POST, waiting up to {@code wait}; fails when none comes. */
  Received next(Duration wait) throws InterruptedException {
    Received r = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (r == null) {
      throw new AssertionError("no webhook POST within " + wait);
    }
    return r;
  }

  /** POSTs received and not yet taken. */
  int pending() {
    return received.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
