package io.orchestrator.benchmarks.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * WebSocket fan-out (BENCHMARKS.md, server figure 3): connects N clients (JDK WebSocket, no thread
 * per connection) to a running server, then changes the topology T times and measures, for each
 * change, how long after the first client received its {@code topology_update} every other client
 * received it. Also reports the server's RSS growth per connected client (Linux /proc).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.orchestrator.benchmarks.http.FanOutBench http://127.0.0.1:18098 <server-pid> 1000 10}
 */
public final class FanOutBench {
  private static final int CLIENTS_PER_SELECTOR = 250;

  private FanOutBench() {}

  /** Entry point: server URL, server PID, clients, trials. */
  public static void main(String[] args) throws Exception {
    URI server = URI.create(args[0]);
    long pid = Long.parseLong(args[1]);
    int clients = Integer.parseInt(args[2]);
    int trials = Integer.parseInt(args[3]);
    HttpClient http = HttpClient.newHttpClient();
    // One JDK HttpClient reads all its sockets on a single selector thread, which caps it at
    // ~10k frames/s; spreading the clients over several keeps that thread out of the measurement.
    HttpClient[] readers = new HttpClient[Math.max(1, clients / CLIENTS_PER_SELECTOR)];
    Arrays.setAll(readers, i -> HttpClient.newHttpClient());
    URI ws = URI.create(server.toString().replaceFirst("^http", "ws") + "/api/v1/ws");

    long rssBefore = rssKb(pid);
    ConcurrentHashMap<Long, long[]> receipts = new ConcurrentHashMap<>();
    AtomicInteger connected = new AtomicInteger();
    List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      int index = i;
      sockets.add(
          readers[i % readers.length]
              .newWebSocketBuilder()
              .buildAsync(ws, new Listener(index, clients, receipts, connected))
              .toCompletableFuture());
      if (i % 200 == 199) {
        CompletableFuture.allOf(sockets.toArray(CompletableFuture[]::new))
            .get(60, TimeUnit.SECONDS);
      }
    }
    CompletableFuture.allOf(sockets.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    waitUntil(() -> connected.get() == clients);
    Thread.sleep(2_000); // let the server settle before reading its RSS (a benchmark, not a test)
    long rssAfter = rssKb(pid);

    long cpuBefore = cpuTicks(pid);
    List<Double> spreadsMs = new ArrayList<>();
    List<Long> allMicros = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      long version = versionAfterReport(http, server, "fanout-" + t);
      waitUntil(() -> full(receipts.get(version)));
      long[] times = receipts.remove(version);
      long first = Arrays.stream(times).min().orElseThrow();
      long last = Arrays.stream(times).max().orElseThrow();
      spreadsMs.add((last - first) / 1e6);
      for (long time : times) {
        allMicros.add((time - first) / 1_000);
      }
    }
    long cpuMsPerPush = (cpuTicks(pid) - cpuBefore) * 10 / trials;
    allMicros.sort(null);
    System.out.printf(
        Locale.ROOT,
        "clients=%d trials=%d  delivery after first receipt: p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
            + " worst spread %.1f ms; server CPU %d ms per push;"
            + " server RSS +%d KiB = %.1f KiB per client%n",
        clients,
        trials,
        pct(allMicros, 50) / 1e3,
        pct(allMicros, 99) / 1e3,
        allMicros.get(allMicros.size() - 1) / 1e3,
        spreadsMs.stream().mapToDouble(d -> d).max().orElse(0),
        cpuMsPerPush,
        rssAfter - rssBefore,
        (rssAfter - rssBefore) / (double) clients);
    sockets.forEach(s -> s.join().abort());
  }

  private static long versionAfterReport(HttpClient http, URI server, String agent)
      throws Exception {
    String body = "{\"agent_id\":\"" + agent + "\",\"hostname\":\"" + agent + "\"}";
    http.send(
        HttpRequest.newBuilder(server.resolve("/api/v1/reports"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    String stats =
        http.send(
                HttpRequest.newBuilder(server.resolve("/api/v1/query/topology")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    int v = stats.lastIndexOf("\"version\":");
    return Long.parseLong(stats.substring(v + 10, stats.indexOf('}', v)).trim());
  }

  private static boolean full(long[] times) {
    if (times == null) {
      return false;
    }
    for (long t : times) {
      if (t == 0) {
        return false;
      }
    }
    return true;
  }

  private static long pct(List<Long> sorted, double p) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
  }

  private static void waitUntil(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out");
      }
      Thread.sleep(5);
    }
  }

  /** User + system CPU of {@code pid} in clock ticks (10 ms on Linux). */
  private static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1));
    return Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
  }

  private static long rssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  /** Records, per topology version, when this client received it. */
  private static final class Listener implements WebSocket.Listener {
    private final int index;
    private final int clients;
    private final ConcurrentHashMap<Long, long[]> receipts;
    private final AtomicInteger connected;
    private final StringBuilder partial = new StringBuilder();
    private boolean first = true;

    Listener(
        int index, int clients, ConcurrentHashMap<Long, long[]> receipts, AtomicInteger connected) {
      this.index = index;
      this.clients = clients;
      this.receipts = receipts;
      this.connected = connected;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        long now = System.nanoTime();
        String frame = partial.toString();
        partial.setLength(0);
        if (frame.startsWith("{\"type\":\"topology_update\"")) {
          int v = frame.lastIndexOf("\"version\":");
          long version = Long.parseLong(frame.substring(v + 10, frame.indexOf('}', v)).trim());
          if (first) {
            first = false;
            connected.incrementAndGet();
          } else {
            receipts.computeIfAbsent(version, k -> new long[clients])[index] = now;
          }
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      // A listener's exception would be swallowed; say it, and the run times out waiting.
      System.err.println("client " + index + " closed: " + status + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      System.err.println("client " + index + " failed: " + error);
    }
  }
}
