package io.orchestrator.testkit;

import io.orchestrator.core.report.Report;
import io.orchestrator.server.json.WireJson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A simulated probe: a host with drifting CPU, memory and load, containers with 64-hex ids,
 * processes whose {@code cgroup} follows the chosen runtime and cgroup version, and TCP connections
 * to its peers' services (so cross-host edges appear). Reports are deterministic for a seed. It can
 * build reports for embedding ({@link #nextReport()}) or talk to a server over HTTP ({@link
 * ProbeSimulatorBuilder#forServer(URI)}) like the real probe: register, heartbeat, report, on a
 * schedule.
 *
 * <pre>{@code
 * ProbeSimulator probe = ProbeSimulator.builder("node-1").forServer(uri).build();
 * probe.register();
 * probe.sendReport();   // 202
 * }</pre>
 *
 * <p>Thread-safe: report building is serialised per simulator.
 */
public final class ProbeSimulator implements AutoCloseable {
  private final ProbeSettings settings;
  private final ReportFactory factory;
  private final ProbeHttp http;
  private ScheduledExecutorService scheduler;
  private ScheduledFuture<?> task;

  private ProbeSimulator(ProbeSettings settings, Clock clock, ProbeHttp http) {
    this.settings = settings;
    this.factory = new ReportFactory(settings, clock);
    this.http = http;
  }

  static ProbeSimulator create(ProbeSettings settings, Clock clock, ProbeHttp http) {
    return new ProbeSimulator(settings, clock, http);
  }

  /** A builder for a probe with this agent id. */
  public static ProbeSimulatorBuilder builder(String agentId) {
    return new ProbeSimulatorBuilder(agentId);
  }

  /**
   * {@code hosts} probes ({@code host-0} ...) on addresses 10.42.x.y, each connecting to the
   * services of up to eight other hosts of the fleet.
   */
  public static List<ProbeSimulator> fleet(
      int hosts, long seed, UnaryOperator<ProbeSimulatorBuilder> customize) {
    List<String> ips = new ArrayList<>();
    for (int i = 0; i < hosts; i++) {
      ips.add("10.42." + (i / 250) + "." + (1 + i % 250));
    }
    List<ProbeSimulator> fleet = new ArrayList<>();
    for (int i = 0; i < hosts; i++) {
      List<String> peers = new ArrayList<>();
      for (int k = 1; k <= Math.min(8, hosts - 1); k++) {
        peers.add(ips.get((i + k) % hosts));
      }
      fleet.add(
          customize.apply(builder("host-" + i).seed(seed + i).ip(ips.get(i)).peers(peers)).build());
    }
    return fleet;
  }

  /** The agent id. */
  public String agentId() {
    return settings.agentId();
  }

  /** The host's address, as its connections report it. */
  public String ip() {
    return settings.ip();
  }

  /** The container ids this host runs. */
  public List<String> containerIds() {
    return factory.containerIds();
  }

  /** The next report: values drift from the previous one. */
  public synchronized Report nextReport() {
    return factory.next();
  }

  /** {@code report} in the wire format the real probe sends. */
  public static String toJson(Report report) {
    return WireJson.writeString(report);
  }

  /** Registers with the server; returns the HTTP status (201 new, 200 again). */
  public int register() {
    return server().register(settings);
  }

  /** Sends a heartbeat; returns the HTTP status (200). */
  public int heartbeat() {
    return server().heartbeat(settings.agentId());
  }

  /** Builds and sends the next report; returns the HTTP status (202). */
  public int sendReport() {
    return server().report(settings.agentId(), toJson(nextReport()));
  }

  /** Sends an already-built report body; for callers that time the request alone. */
  public int send(String reportJson) {
    return server().report(settings.agentId(), reportJson);
  }

  /** Registers, then reports every {@code interval} (and heartbeats every fourth) until closed. */
  public synchronized ProbeSimulator start(Duration interval) {
    if (task != null) {
      throw new IllegalStateException("already started");
    }
    ProbeHttp server = server();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "probe-" + settings.agentId());
              t.setDaemon(true);
              return t;
            });
    register();
    long[] tick = {0};
    task =
        scheduler.scheduleAtFixedRate(
            () -> {
              sendReport();
              if (++tick[0] % 4 == 0) {
                server.heartbeat(settings.agentId());
              }
            },
            0,
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
    return this;
  }

  /** Counters of what this probe sent. */
  public ProbeHttp.Counters counters() {
    return server().counters();
  }

  /** Stops the schedule, if started. */
  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
      scheduler.shutdownNow();
      task = null;
    }
  }

  private ProbeHttp server() {
    if (http == null) {
      throw new IllegalStateException("no server: build with forServer(URI)");
    }
    return http;
  }
}
