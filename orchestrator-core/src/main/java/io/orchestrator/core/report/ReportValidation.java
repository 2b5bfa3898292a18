package io.orchestrator.core.report;

import java.util.List;

/**
 * The one place the wire contract is checked. Messages name the field by its JSON path so an
 * operator can find it in the probe's output.
 */
final class ReportValidation {
  static final int MAX_ID_LENGTH = 253;
  static final int MAX_PORT = 65_535;
  static final int MAX_ITEMS = 100_000;

  private ReportValidation() {}

  static void validate(String agentId, String hostname, Report.Sections sections) {
    agentId("agent_id", agentId);
    hostname("hostname", hostname);
    if (sections.host() != null) {
      host(sections.host());
    }
    if (sections.docker() != null) {
      DockerValidation.docker(sections.docker());
    }
    if (sections.processes() != null) {
      processes(sections.processes());
    }
    if (sections.network() != null) {
      NetworkValidation.network(sections.network());
    }
  }

  /** Checks an agent id: 1..253 chars, no whitespace, control characters or '/'. */
  static void agentId(String field, String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidReportException(field, "must not be blank");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new InvalidReportException(
          field, "longer than " + MAX_ID_LENGTH + " characters: " + id.length());
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '/') {
        throw new InvalidReportException(
            field, "must not contain whitespace, control characters or '/': \"" + id + "\"");
      }
    }
  }

  /**
   * A hostname, when given: at most 253 characters (a DNS name), no control characters (the agent
   * is registered under it and stored with it).
   */
  static void hostname(String field, String hostname) {
    if (hostname == null) {
      return;
    }
    if (hostname.length() > MAX_ID_LENGTH) {
      throw new InvalidReportException(
          field, "longer than " + MAX_ID_LENGTH + " characters: " + hostname.length());
    }
    for (int i = 0; i < hostname.length(); i++) {
      if (Character.isISOControl(hostname.charAt(i))) {
        throw new InvalidReportException(field, "must not contain control characters");
      }
    }
  }

  private static void host(HostInfo host) {
    hostname("host_info.hostname", host.hostname());
    nonNegative("host_info.uptime", host.uptime());
    if (host.cpuInfo() != null) {
      nonNegative("host_info.cpu_info.cores", host.cpuInfo().cores());
      nonNegative("host_info.cpu_info.usage", host.cpuInfo().usage());
    }
    MemoryInfo mem = host.memoryInfo();
    if (mem != null) {
      nonNegative("host_info.memory_info.total_mb", mem.totalMb());
      nonNegative("host_info.memory_info.free_mb", mem.freeMb());
      nonNegative("host_info.memory_info.available_mb", mem.availableMb());
      nonNegative("host_info.memory_info.used_mb", mem.usedMb());
      nonNegative("host_info.memory_info.usage", mem.usage());
    }
    LoadAverage load = host.loadAverage();
    if (load != null) {
      nonNegative("host_info.load_average.load1", load.load1());
      nonNegative("host_info.load_average.load5", load.load5());
      nonNegative("host_info.load_average.load15", load.load15());
    }
  }

  private static void processes(ProcessesInfo info) {
    nonNegative("processes_info.total_processes", info.totalProcesses());
    List<ProcessInfo> list = info.processes();
    size("processes_info.processes", list);
    for (int i = 0; i < list.size(); i++) {
      ProcessInfo p = list.get(i);
      if (p == null || !valid(p)) {
        // Only a failing entry pays for spelling out its JSON path.
        process("processes_info.processes[" + i + "]", p);
      }
    }
  }

  private static boolean valid(ProcessInfo p) {
    return p.pid() > 0
        && p.ppid() >= 0
        && p.uid() >= 0
        && p.gid() >= 0
        && p.threads() >= 0
        && p.cpuTime() >= 0
        && !Double.isInfinite(p.cpuTime())
        && p.memoryMb() >= 0
        && !Double.isInfinite(p.memoryMb())
        && p.openFiles() >= 0;
  }

  private static void process(String at, ProcessInfo process) {
    ProcessInfo p = element(at, process);
    if (p.pid() <= 0) {
      throw new InvalidReportException(at + ".pid", "must be positive: " + p.pid());
    }
    nonNegative(at + ".ppid", p.ppid());
    nonNegative(at + ".uid", p.uid());
    nonNegative(at + ".gid", p.gid());
    nonNegative(at + ".threads", p.threads());
    nonNegative(at + ".cpu_time", p.cpuTime());
    nonNegative(at + ".memory_mb", p.memoryMb());
    nonNegative(at + ".open_files", p.openFiles());
  }

  static <T> T element(String at, T value) {
    if (value == null) {
      throw new InvalidReportException(at, "must not be null");
    }
    return value;
  }

  static void size(String field, List<?> list) {
    if (list.size() > MAX_ITEMS) {
      throw new InvalidReportException(
          field, "has more than " + MAX_ITEMS + " entries: " + list.size());
    }
  }

  static void port(String field, int port) {
    if (port < 0 || port > MAX_PORT) {
      throw new InvalidReportException(field, "out of range 0.." + MAX_PORT + ": " + port);
    }
  }

  static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new InvalidReportException(field, "must not be negative: " + value);
    }
  }

  static void nonNegative(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new InvalidReportException(field, "must be a finite, non-negative number: " + value);
    }
  }
}
