package io.orchestrator.loadgen;

import io.orchestrator.core.hub.EventType;
import io.orchestrator.server.cli.GoDuration;
import io.orchestrator.testkit.ReportSize;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Arguments of {@code load}. Immutable and thread-safe.
 *
 * @param server base URL of the server
 * @param probes simulated probes
 * @param interval report interval per probe
 * @param duration how long to run
 * @param wsClients WebSocket clients to connect
 * @param wsTypes event types those clients subscribe to; empty for the server's default
 * @param size report shape
 * @param seed random seed
 */
record LoadOptions(
    URI server,
    int probes,
    Duration interval,
    Duration duration,
    int wsClients,
    Set<EventType> wsTypes,
    ReportSize size,
    long seed) {

  /** Copies the set. */
  LoadOptions {
    wsTypes = Set.copyOf(wsTypes);
  }

  static final String USAGE =
      """
      Usage: java -jar orchestrator-loadgen.jar load --server URL [--probes 1000] [--interval 15s]
               [--duration 5m] [--ws-clients 0] [--ws-types topology_update,report_update]
               [--report-size small|medium|large] [--seed 1]
      """;

  /** Parses {@code args} (after the {@code load} word). */
  static LoadOptions parse(String[] args) {
    URI server = null;
    int probes = 1000;
    Duration interval = Duration.ofSeconds(15);
    Duration duration = Duration.ofMinutes(5);
    int ws = 0;
    Set<EventType> types = Set.of();
    ReportSize size = ReportSize.MEDIUM;
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + name);
      }
      String v = args[++i];
      switch (name) {
        case "--server" -> server = uri(v);
        case "--probes" -> probes = positive(name, v);
        case "--interval" -> interval = duration(name, v);
        case "--duration" -> duration = duration(name, v);
        case "--ws-clients" -> ws = nonNegative(name, v);
        case "--ws-types" -> types = types(v);
        case "--report-size" -> size = size(v);
        case "--seed" -> seed = number(name, v);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (server == null) {
      throw new IllegalArgumentException("--server is required");
    }
    return new LoadOptions(server, probes, interval, duration, ws, types, size, seed);
  }

  private static URI uri(String v) {
    try {
      URI u = URI.create(v);
      if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
        return u;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException("--server must be an http(s) URL: " + v);
  }

  private static long number(String name, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number: " + v, e);
    }
  }

  private static int nonNegative(String name, String v) {
    long n = number(name, v);
    if (n < 0 || n > 1_000_000) {
      throw new IllegalArgumentException(name + " must be in 0..1000000: " + v);
    }
    return (int) n;
  }

  private static int positive(String name, String v) {
    int n = nonNegative(name, v);
    if (n == 0) {
      throw new IllegalArgumentException(name + " must be positive: " + v);
    }
    return n;
  }

  private static Duration duration(String name, String v) {
    try {
      Duration d = GoDuration.parse(v);
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive duration such as 15s: " + v);
  }

  private static Set<EventType> types(String v) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (String name : v.split(",", -1)) {
      types.add(
          EventType.fromWireName(name.trim())
              .orElseThrow(() -> new IllegalArgumentException("--ws-types: unknown type " + name)));
    }
    return types;
  }

  private static ReportSize size(String v) {
    try {
      return ReportSize.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--report-size must be small, medium or large: " + v, e);
    }
  }
}
