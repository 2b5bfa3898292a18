package io.orchestrator.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

/** Configures a {@link ProbeSimulator}. Not thread-safe. */
public final class ProbeSimulatorBuilder {
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

  ProbeSimulatorBuilder(String agentId) {
    this.agentId = agentId;
  }

  /** Random seed (default 42). */
  public ProbeSimulatorBuilder seed(long value) {
    seed = value;
    return this;
  }

  /** Reported hostname (default the agent id). */
  public ProbeSimulatorBuilder hostname(String value) {
    hostname = value;
    return this;
  }

  /** The host's address (default 10.42.0.1). */
  public ProbeSimulatorBuilder ip(String value) {
    ip = value;
    return this;
  }

  /** Container runtime (default docker). */
  public ProbeSimulatorBuilder runtime(ContainerRuntime value) {
    runtime = value;
    return this;
  }

  /** cgroup version (default v2). */
  public ProbeSimulatorBuilder cgroupVersion(CgroupVersion value) {
    cgroupVersion = value;
    return this;
  }

  /** Preset shape (default small); explicit counts below override it. */
  public ProbeSimulatorBuilder size(ReportSize value) {
    size = value;
    return this;
  }

  /** Containers per report. */
  public ProbeSimulatorBuilder containers(int value) {
    containers = count("containers", value);
    return this;
  }

  /** Processes per report. */
  public ProbeSimulatorBuilder processes(int value) {
    processes = count("processes", value);
    return this;
  }

  /** Connections per report. */
  public ProbeSimulatorBuilder connections(int value) {
    connections = count("connections", value);
    return this;
  }

  /** Addresses of the hosts this one connects to (their service port). */
  public ProbeSimulatorBuilder peers(List<String> value) {
    peers = value;
    return this;
  }

  /** Clock for report timestamps (default system UTC). */
  public ProbeSimulatorBuilder clock(Clock value) {
    clock = value;
    return this;
  }

  /** The server to talk to, e.g. {@code http://localhost:8080}. */
  public ProbeSimulatorBuilder forServer(URI value) {
    server = value;
    return this;
  }

  /** The HTTP client to share (default: one per probe). */
  public ProbeSimulatorBuilder httpClient(HttpClient value) {
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
    ProbeSettings s =
        new ProbeSettings(
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
    return ProbeSimulator.create(s, clock, http);
  }
}
