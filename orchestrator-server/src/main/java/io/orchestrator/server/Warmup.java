package io.orchestrator.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the report path right after start, so that the JIT has compiled it before probes arrive: at
 * probe rates (one report per host every 15 s) a fresh JVM otherwise interprets it for minutes. The
 * reports go over HTTP, on one keep-alive connection, to a throwaway server on a loopback port with
 * its own in-memory engine: Jetty's parser, the routing, the body read and the responses need
 * warming as much as the parse and the ingest do. Nothing reaches the served engine; the throwaway
 * server is closed at the end. Thread-safe (each run has its own server).
 */
final class Warmup {
  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

  /** A topology read every this many reports warms the topology's encoding too. */
  private static final int TOPOLOGY_EVERY = 64;

  private final int rounds;

  Warmup(int rounds) {
    this.rounds = rounds;
  }

  /** Starts the warm-up on a daemon thread and returns at once. */
  void inBackground() {
    Thread t = new Thread(() -> run(), "orchestrator-warmup");
    t.setDaemon(true);
    t.start();
  }

  /** Runs the warm-up on the caller's thread; returns how many reports were accepted (202). */
  int run() {
    long start = System.nanoTime();
    byte[][] bodies = new byte[WarmupReports.AGENTS][];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = WarmupReports.body(i);
    }
    int accepted = 0;
    ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).build();
    try (OrchestratorServer server = OrchestratorServer.start(config)) {
      LOG.info("Warming up on a throwaway server at {}", server.baseUri());
      URL reports = URI.create(server.baseUri() + "/api/v1/reports").toURL();
      URL topology = URI.create(server.baseUri() + "/api/v1/topology").toURL();
      for (int i = 0; i < rounds; i++) {
        if (post(reports, bodies[i % bodies.length]) == 202) {
          accepted++;
        }
        if (i % TOPOLOGY_EVERY == TOPOLOGY_EVERY - 1) {
          get(topology);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Warm-up stopped early after {} reports: {}", accepted, e.toString());
      return accepted;
    }
    LOG.info(
        "Warmed up the report path: {} of {} reports accepted in {} ms",
        accepted,
        rounds,
        Duration.ofNanos(System.nanoTime() - start).toMillis());
    return accepted;
  }

  private static int post(URL url, byte[] body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) url.openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setFixedLengthStreamingMode(body.length);
    c.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = c.getOutputStream()) {
      out.write(body);
    }
    return drain(c);
  }

  private static int get(URL url) throws IOException {
    return drain((HttpURLConnection) url.openConnection());
  }

  /** Reads the whole answer, so that the connection goes back to the keep-alive cache. */
  private static int drain(HttpURLConnection c) throws IOException {
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      if (in != null) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    return status;
  }
}
