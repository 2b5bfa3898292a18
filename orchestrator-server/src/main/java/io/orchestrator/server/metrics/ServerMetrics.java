package io.orchestrator.server.metrics;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.OrchestratorStats;
import io.orchestrator.core.alert.AlertStats;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The metrics {@code GET /metrics} exposes (DESIGN §8), in a registry of the server's own: HTTP
 * request durations by method, route template (never the raw path, so the label set stays bounded)
 * and status; ingest durations; the engine's counts, read once per scrape; and the JVM's memory, GC
 * and threads. Thread-safe.
 */
public final class ServerMetrics {
  private static final double[] SECONDS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ExpositionFormats formats = ExpositionFormats.init();
  private final Histogram http;
  private final Histogram ingest;
  private final StatsCache stats;
  private final Feed feed;

  /**
   * What the engine and the feed report.
   *
   * @param websocketClients connected WebSocket clients
   * @param websocketDropped WebSocket clients closed for not keeping up
   */
  public record Feed(IntSupplier websocketClients, LongSupplier websocketDropped) {}

  /** Metrics of {@code orchestrator} and its feed. */
  public ServerMetrics(Orchestrator orchestrator, Feed feed) {
    this.stats = new StatsCache(orchestrator::stats);
    this.feed = feed;
    this.http =
        Histogram.builder()
            .name("orchestrator_http_request_duration_seconds")
            .help("HTTP requests by method, route template and status")
            .labelNames("method", "route", "status")
            .classicUpperBounds(SECONDS)
            .register(registry);
    this.ingest =
        Histogram.builder()
            .name("orchestrator_ingest_duration_seconds")
            .help("Accepting a report: parsing, applying, and the storage's commit")
            .classicUpperBounds(SECONDS)
            .register(registry);
    engine(feed);
    JvmMetrics.builder().register(registry);
  }

  private void engine(Feed feed) {
    CounterWithCallback.builder()
        .name("orchestrator_reports_received_total")
        .help("Reports received, accepted (2xx) or rejected (4xx)")
        .labelNames("result")
        .callback(
            cb -> {
              OrchestratorStats s = stats.get();
              cb.call((double) s.reportsTotal(), "accepted");
              cb.call((double) s.reportsRejected(), "rejected");
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("orchestrator_agents")
        .help("Registered agents by status")
        .labelNames("status")
        .callback(
            cb -> {
              OrchestratorStats s = stats.get();
              cb.call(s.agentsActive(), "active");
              cb.call(s.agentsStale(), "stale");
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("orchestrator_topology_nodes")
        .help("Topology nodes by type")
        .labelNames("type")
        .callback(cb -> stats.get().topology().nodesByType().forEach((t, n) -> cb.call(n, t)))
        .register(registry);
    GaugeWithCallback.builder()
        .name("orchestrator_topology_edges")
        .help("Topology edges by type")
        .labelNames("type")
        .callback(cb -> stats.get().topology().edgesByType().forEach((t, n) -> cb.call(n, t)))
        .register(registry);
    GaugeWithCallback.builder()
        .name("orchestrator_series_points")
        .help("Time-series points held in memory")
        .callback(cb -> cb.call((double) stats.get().storage().points()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("orchestrator_alerts")
        .help("Alerts by state")
        .labelNames("state")
        .callback(
            cb -> {
              AlertStats a = stats.get().alerts();
              cb.call(a.pending(), "pending");
              cb.call(a.firing(), "firing");
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("orchestrator_alert_rules")
        .help("Alert rules in the storage")
        .callback(cb -> cb.call(stats.get().alerts().rules()))
        .register(registry);
    CounterWithCallback.builder()
        .name("orchestrator_alert_notifications")
        .help("Alert notifications by result: sent, or failed (refused, out of tries, dropped)")
        .labelNames("result")
        .callback(
            cb -> {
              AlertStats a = stats.get().alerts();
              cb.call((double) a.notificationsSent(), "sent");
              cb.call((double) a.notificationsFailed(), "failed");
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("orchestrator_alert_notifications_dropped")
        .help("Alert notifications dropped because a receiver's queue was full")
        .callback(cb -> cb.call((double) stats.get().alerts().notificationsDropped()))
        .register(registry);
    CounterWithCallback.builder()
        .name("orchestrator_alert_evaluations")
        .help("Alert rule evaluations run")
        .callback(cb -> cb.call((double) stats.get().alerts().evaluations()))
        .register(registry);
    CounterWithCallback.builder()
        .name("orchestrator_alert_regex_trips")
        .help("Times an alert rule stopped matching in an evaluation: its regex was too expensive")
        .callback(cb -> cb.call((double) stats.get().alerts().regexTrips()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("orchestrator_websocket_clients")
        .help("Connected WebSocket clients")
        .callback(cb -> cb.call(feed.websocketClients().getAsInt()))
        .register(registry);
    CounterWithCallback.builder()
        .name("orchestrator_websocket_dropped")
        .help("WebSocket clients closed for not reading or not answering pings")
        .callback(cb -> cb.call((double) feed.websocketDropped().getAsLong()))
        .register(registry);
  }

  /** The feed's counters. */
  public Feed feed() {
    return feed;
  }

  /** Observes one HTTP request. */
  public void httpRequest(String method, String route, int status, long nanos) {
    http.labelValues(method, route, Integer.toString(status)).observe(nanos / 1e9);
  }

  /** Observes one accepted report. */
  public void ingested(long nanos) {
    ingest.observe(nanos / 1e9);
  }

  /** The registry, for other parts of the server to add to. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * A scrape in the format {@code accept} asks for (OpenMetrics when the scraper asks for it, else
   * the Prometheus text format).
   *
   * @param body receives the exposition
   * @return the content type
   */
  public String scrape(String accept, ByteArrayOutputStream body) {
    ExpositionFormatWriter writer = formats.findWriter(accept);
    try {
      writer.write(body, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return writer.getContentType();
  }
}
