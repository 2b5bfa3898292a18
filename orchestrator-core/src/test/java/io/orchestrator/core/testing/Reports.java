package io.orchestrator.core.testing;

import io.orchestrator.core.report.Connection;
import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.ContainerStats;
import io.orchestrator.core.report.CpuInfo;
import io.orchestrator.core.report.DockerInfo;
import io.orchestrator.core.report.HostInfo;
import io.orchestrator.core.report.ListeningPort;
import io.orchestrator.core.report.LoadAverage;
import io.orchestrator.core.report.MemoryInfo;
import io.orchestrator.core.report.NetworkInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.ProcessesInfo;
import io.orchestrator.core.report.Report;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fluent builder of reports for tests. Not thread-safe. */
public final class Reports {
  private final String agentId;
  private HostInfo host;
  private final List<Container> containers = new ArrayList<>();
  private final List<ProcessInfo> processes = new ArrayList<>();
  private final List<Connection> connections = new ArrayList<>();
  private final List<ListeningPort> listening = new ArrayList<>();
  private boolean docker;
  private boolean procs;
  private boolean network;

  private Reports(String agentId) {
    this.agentId = agentId;
  }

  public static Reports agent(String agentId) {
    return new Reports(agentId);
  }

  /** A 64-hex container id derived from {@code seed}. */
  public static String containerId(String seed) {
    StringBuilder sb = new StringBuilder();
    int h = seed.hashCode();
    while (sb.length() < 64) {
      h = h * 31 + 17;
      sb.append(Integer.toHexString((h & 0xFFFF) | 0x10000).substring(1));
    }
    return sb.substring(0, 64);
  }

  public Reports host(double cpuUsage, double memUsage) {
    host =
        new HostInfo(
            agentId + ".example",
            "6.1.0",
            1_000_000_000L,
            null,
            new CpuInfo("Xeon", 8, cpuUsage),
            new MemoryInfo(16_000, 2_000, 9_000, 7_000, memUsage),
            new LoadAverage(0.5, 0.4, 0.3),
            OffsetDateTime.parse("2026-01-01T00:00:00.123456789-07:00"));
    return this;
  }

  public Reports container(String id, String name, double cpu) {
    docker = true;
    containers.add(
        new Container(
            id,
            name,
            "nginx:1.25",
            "sha256:abc",
            "Up 2 hours",
            "running",
            null,
            List.of(),
            Map.of("app", name),
            new ContainerStats(cpu, 42, 1024, 4.1, 1.5, 0.5)));
    return this;
  }

  public Reports process(int pid, String name, String cgroup) {
    procs = true;
    processes.add(
        new ProcessInfo(pid, name, name + " --flag", "S", 1, 0, 0, 4, 12.5, 64, 10, cgroup));
    return this;
  }

  public Reports processes() {
    procs = true;
    return this;
  }

  public Reports connect(int pid, String localAddr, String remoteAddr, int remotePort) {
    return socket(
        "tcp", pid, localAddr, 40_000 + connections.size(), remoteAddr, remotePort, "ESTABLISHED");
  }

  public Reports socket(
      String protocol,
      int pid,
      String localAddr,
      int localPort,
      String remoteAddr,
      int remotePort,
      String state) {
    network = true;
    connections.add(
        new Connection(protocol, localAddr, localPort, remoteAddr, remotePort, state, pid, null));
    return this;
  }

  public Reports listen(int pid, String addr, int port) {
    network = true;
    listening.add(new ListeningPort("tcp", port, addr, pid, null));
    return this;
  }

  public Report build() {
    DockerInfo d =
        docker
            ? new DockerInfo(
                containers, containers.size(), containers.size(), 0, 0, 3, "24.0.7", null)
            : null;
    ProcessesInfo p = procs ? new ProcessesInfo(processes, processes.size() + 100, null) : null;
    NetworkInfo n =
        network
            ? new NetworkInfo(
                connections, connections.size(), connections.size(), 0, listening, null)
            : null;
    return new Report(agentId, agentId + ".example", null, host, d, p, n);
  }
}
