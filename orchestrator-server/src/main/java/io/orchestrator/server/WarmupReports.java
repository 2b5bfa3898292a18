package io.orchestrator.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orchestrator.server.json.WireJson;
import java.time.Instant;

/**
 * Probe-shaped reports for the start-up warm-up, built in code (~100 processes, ~40 sockets, 8
 * listeners), so that the jar needs no sample file. Stateless and thread-safe.
 */
final class WarmupReports {
  /** Distinct agents the warm-up reports as; their sockets point at one another. */
  static final int AGENTS = 16;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private WarmupReports() {}

  /** The wire form of agent {@code i}'s report, {@code 0 <= i < AGENTS}. */
  static byte[] body(int i) {
    return WireJson.write(report("warmup-" + i, i));
  }

  private static ObjectNode report(String agent, int seed) {
    String now = Instant.now().toString();
    ObjectNode r = JSON.objectNode().put("agent_id", agent).put("hostname", agent);
    r.put("timestamp", now);
    ObjectNode host = r.putObject("host_info").put("hostname", agent).put("timestamp", now);
    host.put("kernel_version", "Linux 6.1").put("uptime", 1_000_000_000L).put("boot_time", now);
    host.putObject("cpu_info").put("model", "cpu").put("cores", 4).put("usage", 12.5 + seed);
    host.putObject("memory_info")
        .put("total_mb", 16_000)
        .put("free_mb", 8_000)
        .put("available_mb", 9_000)
        .put("used_mb", 7_000)
        .put("usage", 43.75);
    host.putObject("load_average").put("load1", 0.5).put("load5", 0.4).put("load15", 0.3);
    ObjectNode procs = r.putObject("processes_info").put("total_processes", 100);
    procs.put("timestamp", now);
    ArrayNode list = procs.putArray("processes");
    for (int pid = 1; pid <= 100; pid++) {
      list.addObject()
          .put("pid", pid)
          .put("name", "service-" + pid)
          .put("cmdline", "/usr/bin/service-" + pid + " --port " + (8000 + pid))
          .put("state", "S")
          .put("ppid", 1)
          .put("uid", 0)
          .put("gid", 0)
          .put("threads", 4)
          .put("cpu_time", 100L * pid)
          .put("memory_mb", 10 + pid % 50)
          .put("open_files", 20)
          .put("cgroup", "0::/system.slice/service-" + pid + ".service");
    }
    ObjectNode net = r.putObject("network_info").put("total_connections", 40);
    net.put("timestamp", now);
    ArrayNode conns = net.putArray("connections");
    ArrayNode ports = net.putArray("listening_ports");
    for (int i = 0; i < 40; i++) {
      boolean listen = i < 8;
      conns
          .addObject()
          .put("protocol", "tcp")
          .put("local_addr", listen ? "0.0.0.0" : "10.0.0." + (seed + 1))
          .put("local_port", listen ? 8000 + i : 40_000 + i)
          .put("remote_addr", listen ? "0.0.0.0" : "10.0.0." + (1 + (seed + i) % AGENTS))
          .put("remote_port", listen ? 0 : 8000 + i % 8)
          .put("state", listen ? "LISTEN" : "ESTABLISHED")
          .put("pid", 1 + i);
      if (listen) {
        ports.addObject().put("protocol", "tcp").put("port", 8000 + i).put("addr", "0.0.0.0");
      }
    }
    return r;
  }
}
