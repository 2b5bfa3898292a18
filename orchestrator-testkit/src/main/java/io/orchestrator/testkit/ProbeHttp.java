package io.orchestrator.testkit;

import io.orchestrator.server.json.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The probe's side of the wire, with the JDK HttpClient: the headers the real probe sends and
 * counters of what happened. A transport failure counts as a failure and returns status 0.
 * Thread-safe.
 */
public final class ProbeHttp {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final HttpClient client;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  ProbeHttp(URI base, HttpClient client) {
    this.base = base;
    this.client = client;
  }

  int register(ProbeSettings s) {
    String body =
        WireJson.writeString(
            Map.of(
                "agent_id",
                s.agentId(),
                "hostname",
                s.hostname(),
                "metadata",
                Map.of("simulated", "true", "ip", s.ip())));
    return post("/api/v1/agents/register", s.agentId(), body);
  }

  int heartbeat(String agentId) {
    return post("/api/v1/agents/heartbeat/" + agentId, agentId, "{}");
  }

  int report(String agentId, String json) {
    sent.incrementAndGet();
    int status = post("/api/v1/reports", agentId, json);
    if (status == 200 || status == 202) {
      accepted.incrementAndGet();
    } else {
      failed.incrementAndGet();
    }
    return status;
  }

  private int post(String path, String agentId, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("X-Agent-ID", agentId)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  Counters counters() {
    return new Counters(sent.get(), accepted.get(), failed.get());
  }

  /**
   * What a probe sent. Immutable and thread-safe.
   *
   * @param sent reports sent
   * @param accepted reports answered 200/202
   * @param failed reports answered otherwise or not at all
   */
  public record Counters(long sent, long accepted, long failed) {}
}
