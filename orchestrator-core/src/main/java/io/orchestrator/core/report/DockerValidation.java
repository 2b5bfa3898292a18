package io.orchestrator.core.report;

import static io.orchestrator.core.report.ReportValidation.element;
import static io.orchestrator.core.report.ReportValidation.nonNegative;
import static io.orchestrator.core.report.ReportValidation.port;
import static io.orchestrator.core.report.ReportValidation.size;

import java.util.List;

/**
 * Validation of {@code docker_info}; part of {@link ReportValidation}. Each container is checked
 * without building its JSON path, which is only spelled out for the message of one that fails.
 */
final class DockerValidation {
  private DockerValidation() {}

  static void docker(DockerInfo info) {
    nonNegative("docker_info.total_containers", info.totalContainers());
    nonNegative("docker_info.running_containers", info.runningContainers());
    nonNegative("docker_info.paused_containers", info.pausedContainers());
    nonNegative("docker_info.stopped_containers", info.stoppedContainers());
    nonNegative("docker_info.images", info.images());
    List<Container> list = info.containers();
    size("docker_info.containers", list);
    for (int i = 0; i < list.size(); i++) {
      Container c = list.get(i);
      if (c == null || !valid(c)) {
        String at = "docker_info.containers[" + i + "]";
        container(at, element(at, c));
      }
    }
  }

  private static boolean valid(Container c) {
    if (c.id() == null || c.id().isBlank()) {
      return false;
    }
    for (PortMapping m : c.ports()) {
      if (m == null || !ok(m.privatePort()) || !ok(m.publicPort())) {
        return false;
      }
    }
    ContainerStats s = c.stats();
    return s == null
        || (ok(s.cpuPercent())
            && ok(s.memoryUsageMb())
            && ok(s.memoryLimitMb())
            && ok(s.memoryPercent())
            && ok(s.networkRxMb())
            && ok(s.networkTxMb()));
  }

  private static boolean ok(int port) {
    return port >= 0 && port <= ReportValidation.MAX_PORT;
  }

  private static boolean ok(double v) {
    return v >= 0 && !Double.isInfinite(v);
  }

  private static void container(String at, Container c) {
    if (c.id() == null || c.id().isBlank()) {
      throw new InvalidReportException(at + ".id", "must not be blank");
    }
    List<PortMapping> ports = c.ports();
    for (int j = 0; j < ports.size(); j++) {
      String p = at + ".ports[" + j + "]";
      PortMapping mapping = element(p, ports.get(j));
      port(p + ".private_port", mapping.privatePort());
      port(p + ".public_port", mapping.publicPort());
    }
    ContainerStats s = c.stats();
    if (s != null) {
      nonNegative(at + ".stats.cpu_percent", s.cpuPercent());
      nonNegative(at + ".stats.memory_usage_mb", s.memoryUsageMb());
      nonNegative(at + ".stats.memory_limit_mb", s.memoryLimitMb());
      nonNegative(at + ".stats.memory_percent", s.memoryPercent());
      nonNegative(at + ".stats.network_rx_mb", s.networkRxMb());
      nonNegative(at + ".stats.network_tx_mb", s.networkTxMb());
    }
  }
}
