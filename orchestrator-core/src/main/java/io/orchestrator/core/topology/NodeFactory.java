package io.orchestrator.core.topology;

import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.ContainerStats;
import io.orchestrator.core.report.HostInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.Report;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Node metadata exactly as DESIGN §4.3 lists it. */
final class NodeFactory {
  private NodeFactory() {}

  static Node host(Report r, List<Map<String, Object>> listening) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agent_id", r.agentId());
    m.put("hostname", r.effectiveHostname());
    putIfPresent(m, "timestamp", rfc3339(r.timestamp()));
    HostInfo h = r.hostInfo();
    if (h != null) {
      putIfPresent(m, "kernel", h.kernelVersion());
      if (h.cpuInfo() != null) {
        m.put("cpu_cores", h.cpuInfo().cores());
        putIfPresent(m, "cpu_model", h.cpuInfo().model());
        m.put("cpu_usage", h.cpuInfo().usage());
      }
      if (h.memoryInfo() != null) {
        m.put("memory_total", h.memoryInfo().totalMb());
        m.put("memory_used", h.memoryInfo().usedMb());
        m.put("memory_usage", h.memoryInfo().usage());
      }
    }
    putListening(m, listening);
    return new Node(r.agentId(), NodeType.HOST, r.effectiveHostname(), null, m);
  }

  static Node container(String agentId, Container c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("container_id", c.id());
    putIfPresent(m, "image", c.image());
    putIfPresent(m, "state", c.state());
    putIfPresent(m, "status", c.status());
    putIfPresent(m, "created", rfc3339(c.created()));
    m.put("labels", c.labels());
    ContainerStats s = c.stats();
    if (s != null) {
      m.put("cpu_usage", s.cpuPercent());
      m.put("memory_usage", s.memoryUsageMb());
      m.put("memory_limit", s.memoryLimitMb());
      m.put("memory_percent", s.memoryPercent());
    }
    String name = c.name() == null || c.name().isEmpty() ? c.id() : c.name();
    return new Node(c.id(), NodeType.CONTAINER, name, agentId, m);
  }

  static Node process(
      String id, String parent, ProcessInfo p, List<Map<String, Object>> listening) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pid", p.pid());
    m.put("ppid", p.ppid());
    putIfPresent(m, "cmdline", p.cmdline());
    putIfPresent(m, "state", p.state());
    m.put("threads", p.threads());
    m.put("cpu_time", p.cpuTime());
    m.put("memory_mb", p.memoryMb());
    m.put("open_files", p.openFiles());
    putListening(m, listening);
    String name = p.name() == null || p.name().isEmpty() ? Integer.toString(p.pid()) : p.name();
    return new Node(id, NodeType.PROCESS, name, parent, m);
  }

  /** RFC 3339 with seconds always present (OffsetDateTime.toString drops ":00"). */
  private static String rfc3339(OffsetDateTime t) {
    return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
  }

  private static void putListening(Map<String, Object> m, List<Map<String, Object>> listening) {
    if (!listening.isEmpty()) {
      m.put("listening_ports", listening);
    }
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
