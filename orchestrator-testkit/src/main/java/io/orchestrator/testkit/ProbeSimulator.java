package io.orchestrator.testkit;

import io.orchestrator.core.report.Report;
import io.orchestrator.server.json.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * Builder#forServer(URI)}) like the real probe: register, heartbeat, report, on a schedule.
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
  private final Settings settings;
  private final ReportFactory factory;
  private final ProbeHttp http;
  private ScheduledExecutorService scheduler;
  private ScheduledFuture<?> task;

  private ProbeSimulator(Settings settings, Clock clock, ProbeHttp http) {
    this.settings = settings;
    this.factory = new ReportFactory(settings, clock);
    this.http = http;
  }

  /** A builder for a probe with this agent id. */
  public static Builder builder(String agentId) {
    return new Builder(agentId);
  }

  /**
   * {@code hosts} probes ({@code host-0} ...) on addresses 10.42.x.y, each connecting to the
   * services of up to eight other hosts of the fleet.
   */
  public static List<ProbeSimulator> fleet(int hosts, long seed, UnaryOperator<Builder> customize) {
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
  int send(String reportJson) {
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

  /**
   * Everything that shapes a simulated host.
   *
   * @param agentId the agent id
   * @param hostname the hostname it reports
   * @param ip its address
   * @param seed the random seed
   * @param runtime its container runtime
   * @param cgroupVersion its cgroup hierarchy
   * @param containers containers per report
   * @param processes processes per report
   * @param connections connections per report
   * @param peers addresses of the hosts it connects to
   */
  record Settings(
      String agentId,
      String hostname,
      String ip,
      long seed,
      ContainerRuntime runtime,
      CgroupVersion cgroupVersion,
      int containers,
      int processes,
      int connections,
      List<String> peers) {
    Settings {
      Objects.requireNonNull(agentId, "agentId");
      peers = List.copyOf(peers);
      if (containers < 0 || processes < 0 || connections < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
    }
  }

  /** Configures a {@link ProbeSimulator}. Not thread-safe. */
  public static final class Builder {
    private final String agentId;
    private String hostname;
    private String ip = "10.42.0.1";
    private long seed = 42;
    private ContainerRuntime runtime = ContainerRuntime.DOCKER;
    private CgroupVersion cgroupVersion = CgroupVersion.V2;
    private ReportSize size = ReportSize.SMALL;
    private Integer containers;
    private Integer processes;
    private Integer connections;
    private List<String> peers = List.of();
    private Clock clock = Clock.systemUTC();
    private URI server;
    private HttpClient client;

    private Builder(String agentId) {
      this.agentId = agentId;
    }

    /** Random seed (default 42). */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Reported hostname (default the agent id). */
    public Builder hostname(String value) {
      hostname = value;
      return this;
    }

    /** The host's address (default 10.42.0.1). */
    public Builder ip(String value) {
      ip = value;
      return this;
    }

    /** Container runtime (default docker). */
    public Builder runtime(ContainerRuntime value) {
      runtime = value;
      return this;
    }

    /** cgroup version (default v2). */
    public Builder cgroupVersion(CgroupVersion value) {
      cgroupVersion = value;
      return this;
    }

    /** Preset shape (default small); explicit counts below override it. */
    public Builder size(ReportSize value) {
      size = value;
      return this;
    }

    /** Containers per report. */
    public Builder containers(int value) {
      containers = count("containers", value);
      return this;
    }

    /** Processes per report. */
    public Builder processes(int value) {
      processes = count("processes", value);
      return this;
    }

    /** Connections per report. */
    public Builder connections(int value) {
      connections = count("connections", value);
      return this;
    }

    /** Addresses of the hosts this one connects to (their service port). */
    public Builder peers(List<String> value) {
      peers = value;
      return this;
    }

    /** Clock for report timestamps (default system UTC). */
    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    /** The server to talk to, e.g. {@code http://localhost:8080}. */
    public Builder forServer(URI value) {
      server = value;
      return this;
    }

    /** The HTTP client to share (default: one per probe). */
    public Builder httpClient(HttpClient value) {
      client = value;
      return this;
    }

    private static int count(String name, int value) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }

    /** Builds the probe. */
    public ProbeSimulator build() {
      Settings s =
          new Settings(
              agentId,
              hostname == null ? agentId : hostname,
              ip,
              seed,
              runtime,
              cgroupVersion,
              containers != null ? containers : size.containers,
              processes != null ? processes : size.processes,
              connections != null ? connections : size.connections,
              peers);
      ProbeHttp http =
          server == null
              ? null
              : new ProbeHttp(server, client == null ? HttpClient.newHttpClient() : client);
      return new ProbeSimulator(s, clock, http);
    }
  }
}
