package io.orchestrator.benchmarks.alert;

import com.sun.net.httpserver.HttpServer;
import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.server.AlertConfig;
import io.orchestrator.server.OrchestratorServer;
import io.orchestrator.server.ServerConfig;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * From the report that crosses a threshold to the webhook POST announcing it, over real sockets: a
 * server with {@code -alert-interval} {@code INTERVAL} and one webhook, an agent whose CPU jumps at
 * a random moment of the evaluation cycle, and a receiver that notes when the alert arrives.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.orchestrator.benchmarks.alert.AlertLatency 15 12
 * </pre>
 *
 * Prints each latency and the min, median and max, in seconds. Not thread-safe; a program.
 */
public final class AlertLatency {
  private AlertLatency() {}

  /** Arguments: interval in seconds (default 15), samples (default 12). */
  public static void main(String[] args) throws Exception {
    int intervalSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/",
        ex -> {
          long now = System.nanoTime();
          try (InputStream in = ex.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String part : body.split("\"node_id\":\"", -1)) {
              int end = part.indexOf('"');
              if (end > 0 && body.contains("\"status\":\"firing\"")) {
                arrived.putIfAbsent(part.substring(0, end), now);
              }
            }
          }
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    receiver.start();
    URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    AlertConfig alerts =
        new AlertConfig(
            List.of(AlertRule.builder("Hot").query("type:host cpu > 90").build()),
            Duration.ofSeconds(intervalSeconds),
            new AlertConfig.Receivers(List.of(hook), List.of(), null));
    ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).alerts(alerts).build();
    HttpClient http = HttpClient.newHttpClient();
    Random rnd = new Random(42);
    List<Double> latencies = new ArrayList<>();
    try (OrchestratorServer server = OrchestratorServer.start(config)) {
      URI reports = server.baseUri().resolve("/api/v1/reports");
      for (int i = 0; i < samples; i++) {
        String agent = "lat-" + i;
        post(http, reports, agent, 10);
        Thread.sleep((long) (rnd.nextDouble() * intervalSeconds * 1000)); // a random phase
        long sent = System.nanoTime();
        post(http, reports, agent, 99);
        long deadline = sent + TimeUnit.SECONDS.toNanos(intervalSeconds * 3L);
        while (!arrived.containsKey(agent) && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        Long at = arrived.get(agent);
        double seconds = at == null ? Double.NaN : (at - sent) / 1e9;
        latencies.add(seconds);
        System.out.printf(Locale.ROOT, "%s %.3f s%n", agent, seconds);
      }
    } finally {
      receiver.stop(0);
    }
    Collections.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        "interval %d s, %d samples: min %.3f s, median %.3f s, max %.3f s%n",
        intervalSeconds,
        samples,
        latencies.get(0),
        latencies.get(latencies.size() / 2),
        latencies.get(latencies.size() - 1));
  }

  private static void post(HttpClient http, URI reports, String agent, double cpu)
      throws Exception {
    String body =
        "{\"agent_id\":\"" + agent + "\",\"host_info\":{\"cpu_info\":{\"usage\":" + cpu + "}}}";
    HttpResponse<Void> r =
        http.send(
            HttpRequest.newBuilder(reports)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() != 202) {
      throw new IllegalStateException("report refused: " + r.statusCode());
    }
  }
}
