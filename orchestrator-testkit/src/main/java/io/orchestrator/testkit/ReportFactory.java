package io.orchestrator.testkit;

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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Builds one simulated host's successive reports. Deterministic for a given seed: the same calls
 * give the same reports (timestamps aside, which come from the clock). Values drift as a random
 * walk. Process 1 of every host is its "service", listening on {@value #SERVICE_PORT}; connections
 * go to the peers' services, so cross-host edges appear. Not thread-safe.
 */
final class ReportFactory {
  static final int SERVICE_PORT = 8080;
  static final int SERVICE_PID = 1000;

  private final ProbeSettings s;
  private final Clock clock;
  private final Random rnd;
  private final List<String> containerIds = new ArrayList<>();
  private final List<String> pods = new ArrayList<>();
  private final double[] containerCpu;
  private final double[] processMemory;
  private final OffsetDateTime bootTime;
  private double cpu;
  private double memory;
  private double load;

  ReportFactory(ProbeSettings settings, Clock clock) {
    this.s = settings;
    this.clock = clock;
    this.rnd = new Random(settings.seed() ^ settings.agentId().hashCode());
    for (int c = 0; c < settings.containers(); c++) {
      containerIds.add(hex64());
      pods.add(uuid());
    }
    this.containerCpu = new double[settings.containers()];
    this.processMemory = new double[settings.processes()];
    for (int p = 0; p < processMemory.length; p++) {
      processMemory[p] = 20 + rnd.nextInt(400);
    }
    this.cpu = 10 + rnd.nextDouble() * 40;
    this.memory = 30 + rnd.nextDouble() * 40;
    this.load = rnd.nextDouble() * 2;
    this.bootTime = OffsetDateTime.now(clock).minusDays(1 + rnd.nextInt(30));
  }

  List<String> containerIds() {
    return List.copyOf(containerIds);
  }

  Report next() {
    drift();
    OffsetDateTime now = OffsetDateTime.now(clock);
    HostInfo host =
        new HostInfo(
            s.hostname(),
            "6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1",
            Duration.between(bootTime, now).toNanos(),
            bootTime,
            new CpuInfo("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", 8, cpu),
            new MemoryInfo(
                16_000,
                16_000 - (long) (memory * 160),
                16_000 - (long) (memory * 150),
                (long) (memory * 160),
                memory),
            new LoadAverage(load, load * 0.9, load * 0.8),
            now);
    NetworkInfo net = network(now);
    return new Report(
        s.agentId(),
        s.hostname(),
        now,
        host,
        docker(now),
        new ProcessesInfo(processes(), s.processes() + 120, now),
        net);
  }

  private void drift() {
    cpu = clamp(cpu + rnd.nextGaussian() * 3, 0, 100);
    memory = clamp(memory + rnd.nextGaussian(), 5, 95);
    load = clamp(load + rnd.nextGaussian() * 0.1, 0, 16);
    for (int c = 0; c < containerCpu.length; c++) {
      containerCpu[c] = clamp(containerCpu[c] + rnd.nextGaussian(), 0, 100);
    }
    for (int p = 0; p < processMemory.length; p++) {
      processMemory[p] = clamp(processMemory[p] + rnd.nextGaussian() * 2, 1, 4_096);
    }
  }

  private DockerInfo docker(OffsetDateTime now) {
    List<Container> list = new ArrayList<>();
    for (int c = 0; c < containerIds.size(); c++) {
      list.add(
          new Container(
              containerIds.get(c),
              s.agentId() + "-svc-" + c,
              "registry.example/app-" + c + ":1." + c,
              "sha256:" + containerIds.get(c),
              "Up 3 hours",
              "running",
              now.minusHours(3),
              List.of(new PortMapping(SERVICE_PORT, 30_000 + c, "tcp", "0.0.0.0")),
              Map.of("app", "svc-" + c, "io.kubernetes.pod.uid", pods.get(c)),
              new ContainerStats(
                  containerCpu[c], 128 + c, 1_024, (128.0 + c) / 10.24, 1.5 * c, 0.5 * c)));
    }
    return new DockerInfo(list, list.size(), list.size(), 0, 0, list.size() + 3, "24.0.7", now);
  }

  private List<ProcessInfo> processes() {
    List<ProcessInfo> list = new ArrayList<>();
    int inContainers = containerIds.isEmpty() ? 0 : s.processes() * 7 / 10;
    for (int p = 0; p < s.processes(); p++) {
      String cgroup =
          p < inContainers
              ? s.runtime()
                  .cgroup(
                      containerIds.get(p % containerIds.size()),
                      pods.get(p % pods.size()),
                      s.cgroupVersion())
              : null;
      String name = p == 0 ? "service" : "worker-" + p;
      list.add(
          new ProcessInfo(
              SERVICE_PID + p,
              name,
              "/usr/local/bin/" + name + " --port " + (SERVICE_PORT + p),
              "S",
              1,
              1_000,
              1_000,
              4 + p % 8,
              100.0 + p,
              processMemory[p],
              12 + p % 20,
              cgroup));
    }
    return list;
  }

  private NetworkInfo network(OffsetDateTime now) {
    List<Connection> conns = new ArrayList<>();
    List<String> peers = s.peers();
    for (int c = 0; c < s.connections(); c++) {
      String remote = peers.isEmpty() ? "203.0.113." + (1 + c % 50) : peers.get(c % peers.size());
      int port = peers.isEmpty() ? 443 : SERVICE_PORT;
      int pid = SERVICE_PID + (c % Math.max(1, s.processes()));
      conns.add(
          new Connection(
              "tcp",
              s.ip(),
              40_000 + c,
              remote,
              port,
              "ESTABLISHED",
              s.processes() == 0 ? 0 : pid,
              null));
    }
    List<ListeningPort> listening =
        s.processes() == 0
            ? List.of()
            : List.of(new ListeningPort("tcp", SERVICE_PORT, "0.0.0.0", SERVICE_PID, "service"));
    int total = conns.size() + listening.size();
    return new NetworkInfo(conns, total, total, 0, listening, now);
  }

  private String hex64() {
    StringBuilder sb = new StringBuilder(64);
    while (sb.length() < 64) {
      sb.append(String.format(Locale.ROOT, "%016x", rnd.nextLong()));
    }
    return sb.toString();
  }

  private String uuid() {
    return new UUID(rnd.nextLong(), rnd.nextLong()).toString();
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
