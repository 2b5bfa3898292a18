package io.orchestrator.loadgen;

import io.orchestrator.core.hub.EventType;
import io.orchestrator.testkit.HubClient;
import io.orchestrator.testkit.ProbeHttp;
import io.orchestrator.testkit.ProbeSimulator;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** One load run: schedules every probe's reports, watches the feed, reports progress. */
final class LoadRun {
  private static final int SENDERS = 16;

  private final LoadOptions options;
  private final PrintStream out;
  private final Recorder latency = new Recorder(3);
  private final Recorder lag = new Recorder(3);
  private final Histogram latencyTotal = new Histogram(3);
  private final Histogram lagTotal = new Histogram(3);
  private final AtomicLong frames = new AtomicLong();

  LoadRun(LoadOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  LoadSummary execute() throws InterruptedException {
    ExecutorService io = Executors.newFixedThreadPool(SENDERS, daemon("load-http"));
    HttpClient client = HttpClient.newBuilder().executor(io).build();
    List<ProbeSimulator> probes =
        ProbeSimulator.fleet(
            options.probes(),
            options.seed(),
            b -> b.size(options.size()).forServer(options.server()).httpClient(client));
    List<FeedWatcher> watchers = connectWatchers();
    ScheduledExecutorService scheduler =
        Executors.newScheduledThreadPool(SENDERS, daemon("load-probe"));
    long start = System.nanoTime();
    long intervalNanos = options.interval().toNanos();
    for (int i = 0; i < probes.size(); i++) {
      ProbeSimulator p = probes.get(i);
      long offset = intervalNanos * i / probes.size();
      var unused =
          scheduler.scheduleAtFixedRate(
              () -> report(p), offset, intervalNanos, TimeUnit.NANOSECONDS);
    }
    long end = start + options.duration().toNanos();
    long lastSent = 0;
    while (System.nanoTime() < end) {
      long wait = Math.min(TimeUnit.SECONDS.toNanos(5), end - System.nanoTime());
      TimeUnit.NANOSECONDS.sleep(Math.max(0, wait));
      ProbeHttp.Counters c = totals(probes);
      double elapsed = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "t=%5.0fs  sent %d (%.0f/s)  accepted %d  failed %d  ws frames %d%n",
          elapsed,
          c.sent(),
          (c.sent() - lastSent) / 5.0,
          c.accepted(),
          c.failed(),
          frames.get());
      lastSent = c.sent();
    }
    scheduler.shutdown();
    scheduler.awaitTermination(30, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    for (FeedWatcher w : watchers) {
      w.closeBlocking();
    }
    io.shutdownNow();
    latencyTotal.add(latency.getIntervalHistogram());
    lagTotal.add(lag.getIntervalHistogram());
    ProbeHttp.Counters total = totals(probes);
    return new LoadSummary(
        seconds,
        total.sent(),
        total.accepted(),
        total.failed(),
        latencyTotal,
        watchers.size(),
        frames.get(),
        lagTotal);
  }

  private void report(ProbeSimulator probe) {
    String json = ProbeSimulator.toJson(probe.nextReport());
    long t0 = System.nanoTime();
    probe.send(json); // the probe counts the outcome
    latency.recordValue(Math.min((System.nanoTime() - t0) / 1_000, 3_600_000_000L));
  }

  private static ProbeHttp.Counters totals(List<ProbeSimulator> probes) {
    long sent = 0;
    long accepted = 0;
    long failed = 0;
    for (ProbeSimulator p : probes) {
      ProbeHttp.Counters c = p.counters();
      sent += c.sent();
      accepted += c.accepted();
      failed += c.failed();
    }
    return new ProbeHttp.Counters(sent, accepted, failed);
  }

  private List<FeedWatcher> connectWatchers() throws InterruptedException {
    URI ws =
        URI.create(options.server().toString().replaceFirst("^http", "ws")).resolve("/api/v1/ws");
    String subscribe =
        options.wsTypes().isEmpty()
            ? null
            : HubClient.subscribeMessage(
                options.wsTypes().stream().map(EventType::wireName).toList(), List.of());
    List<FeedWatcher> watchers = new ArrayList<>();
    for (int i = 0; i < options.wsClients(); i++) {
      FeedWatcher w = new FeedWatcher(ws, lag, frames, subscribe);
      if (w.open()) {
        watchers.add(w);
      }
    }
    return watchers;
  }

  private static ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
