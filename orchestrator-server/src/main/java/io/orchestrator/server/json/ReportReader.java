package io.orchestrator.server.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.orchestrator.core.report.CpuInfo;
import io.orchestrator.core.report.DockerInfo;
import io.orchestrator.core.report.HostInfo;
import io.orchestrator.core.report.InvalidReportException;
import io.orchestrator.core.report.LoadAverage;
import io.orchestrator.core.report.MemoryInfo;
import io.orchestrator.core.report.NetworkInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.ProcessesInfo;
import io.orchestrator.core.report.Report;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads a report straight from the parser's tokens into the model, as Zipkin reads spans: the
 * mapping {@link WireJson} configures (snake_case, no coercion, Go zero values, unique keys),
 * without the data binder's per-object buffers and sets, which made parsing most of the cost of a
 * real probe's report. Not thread-safe: one reader per document.
 */
final class ReportReader {
  private final JsonParser p;
  private final JsonCursor in;
  private final NetworkAndDockerReader sections;

  private ReportReader(JsonParser p) {
    this.p = p;
    this.in = new JsonCursor(p);
    this.sections = new NetworkAndDockerReader(in);
  }

  /**
   * Reads one report and nothing after it.
   *
   * @throws BadRequestException naming the problem and its JSON path
   */
  static Report read(JsonParser p) throws IOException {
    try (p) {
      return new ReportReader(p).document();
    } catch (InvalidReportException e) {
      throw BadRequestException.badRequest(e.getMessage()); // the model names the path
    } catch (JsonProcessingException e) {
      throw JsonErrors.describe(e);
    }
  }

  private Report document() throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw BadRequestException.badRequest("request body is empty");
    }
    if (t == JsonToken.VALUE_NULL) {
      throw BadRequestException.badRequest("request body must be a JSON object, not null");
    }
    if (t != JsonToken.START_OBJECT) {
      throw in.fail("expected a JSON object");
    }
    in.enter();
    Report r = report();
    if (p.nextToken() != null) {
      throw BadRequestException.badRequest(
          "malformed JSON at line "
              + p.currentLocation().getLineNr()
              + " column "
              + p.currentLocation().getColumnNr()
              + ": content after the report's closing '}'");
    }
    return r;
  }

  private Report report() throws IOException {
    String agentId = null;
    String hostname = null;
    OffsetDateTime timestamp = null;
    HostInfo host = null;
    ProcessesInfo processes = null;
    DockerInfo docker = null;
    NetworkInfo network = null;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "agent_id" -> agentId = in.string(0);
        case "hostname" -> hostname = in.string(1);
        case "timestamp" -> timestamp = in.time(2);
        case "host_info" -> host = in.object(3) ? host() : null;
        case "docker_info" -> docker = in.object(4) ? sections.docker() : null;
        case "processes_info" -> processes = in.object(5) ? processes() : null;
        case "network_info" -> network = in.object(6) ? sections.network() : null;
        default -> in.skip(f);
      }
    }
    return new Report(agentId, hostname, timestamp, host, docker, processes, network);
  }

  private HostInfo host() throws IOException {
    String hostname = null;
    String kernel = null;
    long uptime = 0;
    OffsetDateTime boot = null;
    CpuInfo cpu = null;
    MemoryInfo memory = null;
    LoadAverage load = null;
    OffsetDateTime timestamp = null;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "hostname" -> hostname = in.string(0);
        case "kernel_version" -> kernel = in.string(1);
        case "uptime" -> uptime = in.longValue(2);
        case "boot_time" -> boot = in.time(3);
        case "cpu_info" -> cpu = in.object(4) ? cpu() : null;
        case "memory_info" -> memory = in.object(5) ? memory() : null;
        case "load_average" -> load = in.object(6) ? load() : null;
        case "timestamp" -> timestamp = in.time(7);
        default -> in.skip(f);
      }
    }
    return new HostInfo(hostname, kernel, uptime, boot, cpu, memory, load, timestamp);
  }

  private CpuInfo cpu() throws IOException {
    String model = null;
    int cores = 0;
    double usage = 0;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "model" -> model = in.string(0);
        case "cores" -> cores = in.intValue(1);
        case "usage" -> usage = in.doubleValue(2);
        default -> in.skip(f);
      }
    }
    return new CpuInfo(model, cores, usage);
  }

  private MemoryInfo memory() throws IOException {
    long total = 0;
    long free = 0;
    long available = 0;
    long used = 0;
    double usage = 0;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "total_mb" -> total = in.longValue(0);
        case "free_mb" -> free = in.longValue(1);
        case "available_mb" -> available = in.longValue(2);
        case "used_mb" -> used = in.longValue(3);
        case "usage" -> usage = in.doubleValue(4);
        default -> in.skip(f);
      }
    }
    return new MemoryInfo(total, free, available, used, usage);
  }

  private LoadAverage load() throws IOException {
    double load1 = 0;
    double load5 = 0;
    double load15 = 0;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "load1" -> load1 = in.doubleValue(0);
        case "load5" -> load5 = in.doubleValue(1);
        case "load15" -> load15 = in.doubleValue(2);
        default -> in.skip(f);
      }
    }
    return new LoadAverage(load1, load5, load15);
  }

  private ProcessesInfo processes() throws IOException {
    List<ProcessInfo> list = null;
    int total = 0;
    OffsetDateTime timestamp = null;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "processes" -> list = in.list(0, this::process);
        case "total_processes" -> total = in.intValue(1);
        case "timestamp" -> timestamp = in.time(2);
        default -> in.skip(f);
      }
    }
    return new ProcessesInfo(list, total, timestamp);
  }

  private ProcessInfo process() throws IOException {
    int pid = 0;
    String name = null;
    String cmdline = null;
    String state = null;
    int ppid = 0;
    long uid = 0;
    long gid = 0;
    int threads = 0;
    double cpuTime = 0;
    double memoryMb = 0;
    int openFiles = 0;
    String cgroup = null;
    for (String f = in.nextField(); f != null; f = in.nextField()) {
      switch (f) {
        case "pid" -> pid = in.intValue(0);
        case "name" -> name = in.string(1);
        case "cmdline" -> cmdline = in.string(2);
        case "state" -> state = in.string(3);
        case "ppid" -> ppid = in.intValue(4);
        case "uid" -> uid = in.longValue(5);
        case "gid" -> gid = in.longValue(6);
        case "threads" -> threads = in.intValue(7);
        case "cpu_time" -> cpuTime = in.doubleValue(8);
        case "memory_mb" -> memoryMb = in.doubleValue(9);
        case "open_files" -> openFiles = in.intValue(10);
        case "cgroup" -> cgroup = in.string(11);
        default -> in.skip(f);
      }
    }
    return new ProcessInfo(
        pid, name, cmdline, state, ppid, uid, gid, threads, cpuTime, memoryMb, openFiles, cgroup);
  }
}
