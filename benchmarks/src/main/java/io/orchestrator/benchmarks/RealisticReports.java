package io.orchestrator.benchmarks;

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
import io.orchestrator.core.report.PortMapping;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.ProcessesInfo;
import io.orchestrator.core.report.Report;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic, realistic reports: 10 containers, 50 processes (40 inside containers, by docker
 * cgroup v2 path), 100 TCP connections to other hosts of the same fleet, a few listeners.
 */
final class RealisticReports {
  static final int CONTAINERS = 10;
  static final int PROCESSES = 50;
  static final int CONNECTIONS = 100;

  private RealisticReports() {}

  static String ip(int agent) {
    return "10." + (agent >> 16 & 0xFF) + "." + (agent >> 8 & 0xFF) + "." + (agent & 0xFF);
  }

  static String containerId(int agent, int c) {
    return String.format(Locale.ROOT, "%016x%016x%016x%016x", agent, c, agent * 31L + c, 7L);
  }

  /** One report for each agent of a fleet of {@code agents}. */
  static Report[] fleet(int agents, Random rnd) {
    return fleet(agents, rnd, 0);
  }

  /** One report for each agent of a fleet of {@code agents}, in round {@code round}. */
  static Report[] fleet(int agents, Random rnd, int round) {
    Report[] reports = new Report[agents];
    for (int a = 0; a < agents; a++) {
      reports[a] = report(a, agents, rnd, round);
    }
    return reports;
  }

  static Report report(int agent, int fleetSize, Random rnd) {
    return report(agent, fleetSize, rnd, 0);
  }

  /**
   * One agent's report in round {@code round}: its client sockets use other ephemeral ports each
   * round, as a real host's do between two reports.
   */
  static Report report(int agent, int fleetSize, Random rnd, int round) {
    String id = "agent-" + agent;
    OffsetDateTime now = OffsetDateTime.parse("2026-01-01T00:00:00.123456789Z");
    HostInfo host =
        new HostInfo(
            id,
            "6.1.0-18-amd64",
            864_000_123_456_789L,
            now.minusDays(10),
            new CpuInfo("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", 8, rnd.nextDouble() * 100),
            new MemoryInfo(15_995, 2_210, 9_876, 6_119, rnd.nextDouble() * 100),
            new LoadAverage(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()),
            now);
    List<Container> containers = new ArrayList<>();
    for (int c = 0; c < CONTAINERS; c++) {
      containers.add(
          new Container(
              containerId(agent, c),
              "svc-" + c,
              "registry/app-" + c + ":1.0",
              "sha256:" + c,
              "Up 2 hours",
              "running",
              now.minusHours(2),
              List.of(new PortMapping(8080, 30_000 + c, "tcp", "0.0.0.0")),
              Map.of("com.docker.compose.service", "svc-" + c),
              new ContainerStats(rnd.nextDouble() * 10, 100 + c, 1024, 10, 1.5 * c, 0.5 * c)));
    }
    List<ProcessInfo> processes = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      String cgroup =
          p < 40
              ? "0::/system.slice/docker-" + containerId(agent, p % CONTAINERS) + ".scope"
              : null;
      processes.add(
          new ProcessInfo(
              1000 + p,
              "proc-" + p,
              "/usr/bin/proc-" + p + " --serve",
              "S",
              1,
              0,
              0,
              4,
              12 + p,
              30 + rnd.nextInt(5),
              20,
              cgroup));
    }
    List<Connection> connections = new ArrayList<>();
    List<ListeningPort> listening = new ArrayList<>();
    for (int p = 0; p < 5; p++) {
      listening.add(new ListeningPort("tcp", 8080 + p, "0.0.0.0", 1000 + p, "proc-" + p));
    }
    for (int c = 0; c < CONNECTIONS; c++) {
      int peer = Math.floorMod(agent + 1 + c % 7, fleetSize);
      connections.add(
          new Connection(
              "tcp",
              ip(agent),
              40_000 + round * CONNECTIONS + c,
              ip(peer),
              8080 + c % 5,
              "ESTABLISHED",
              1000 + c % PROCESSES,
              "proc"));
    }
    return new Report(
        id,
        id,
        now,
        host,
        new DockerInfo(containers, CONTAINERS, CONTAINERS, 0, 0, 12, "24.0.7", now),
        new ProcessesInfo(processes, 312, now),
        new NetworkInfo(connections, CONNECTIONS, CONNECTIONS, 0, listening, now));
  }
}
