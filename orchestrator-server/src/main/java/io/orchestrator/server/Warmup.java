package io.orchestrator.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.server.json.TopologyEncoding;
import io.orchestrator.server.json.WireJson;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the report path (parse, validate, ingest, encode) on a throwaway engine right after start,
 * on one daemon thread, so that the JIT has compiled it before probes arrive: at probe rates (one
 * report per host every 15 s) a fresh JVM otherwise stays in the interpreter for minutes. The
 * reports are built here, shaped like a real probe's (~100 processes, ~40 sockets); nothing reaches
 * the server's own engine. Thread-safe (each run has its own state).
 */
final class Warmup {
  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
  private static final int AGENTS = 16;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final int rounds;

  Warmup(int rounds) {
    this.rounds = rounds;
  }

  /** Starts the warm-up on a daemon thread and returns at once. */
  void inBackground() {
    Thread t = new Thread(() -> run(), "orchestrator-warmup");
    t.setDaemon(true);
    t.start();
  }

  /** Runs the warm-up on the caller's thread; returns how many reports went through. */
  int run() {
    long start = System.nanoTime();
    byte[][] bodies = new byte[AGENTS][];
    for (int i = 0; i < AGENTS; i++) {
      bodies[i] = WireJson.write(report("warmup-" + i, i));
    }
    int done = 0;
    try (Orchestrator engine = Orchestrator.builder().build()) {
      TopologyEncoding encoding = new TopologyEncoding();
      for (int i = 0; i < rounds; i++) {
        byte[] body = bodies[i % AGENTS];
        engine.ingest(WireJson.readReport(body), ReportBody.of(body));
        if (i % 64 == 63) {
          encoding.responseBody(engine.topology());
        }
        done++;
      }
    } catch (RuntimeException e) {
      LOG.warn("Warm-up stopped early after {} reports: {}", done, e.toString());
      return done;
    }
    LOG.info(
        "Warmed up the report path: {} reports in {} ms",
        rounds,
        Duration.ofNanos(System.nanoTime() - start).toMillis());
    return done;
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
