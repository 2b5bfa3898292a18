package io.orchestrator.server;

/** Large, valid report bodies built as text, for load and back-pressure tests. */
final class BigReports {
  private BigReports() {}

  /** A report with {@code processes} processes and as many connections (~150 bytes each). */
  static String report(String agent, int processes, int seq) {
    StringBuilder sb = new StringBuilder(processes * 300);
    sb.append("{\"agent_id\":\"")
        .append(agent)
        .append("\",\"hostname\":\"")
        .append(agent)
        .append("\",\"host_info\":{\"cpu_info\":{\"cores\":8,\"usage\":")
        .append(seq % 100)
        .append("}},\"processes_info\":{\"total_processes\":")
        .append(processes)
        .append(",\"processes\":[");
    for (int p = 1; p <= processes; p++) {
      if (p > 1) {
        sb.append(',');
      }
      sb.append("{\"pid\":")
          .append(p)
          .append(",\"name\":\"worker-")
          .append(p)
          .append("\",\"cmdline\":\"/usr/bin/worker --id ")
          .append(p)
          .append("\",\"state\":\"S\",\"ppid\":1,\"threads\":4,\"memory_mb\":")
          .append(10 + p % 7)
          .append('}');
    }
    sb.append("]},\"network_info\":{\"connections\":[");
    for (int c = 0; c < processes; c++) {
      if (c > 0) {
        sb.append(',');
      }
      sb.append("{\"protocol\":\"tcp\",\"local_addr\":\"10.0.0.1\",\"local_port\":")
          .append(30_000 + c)
          .append(",\"remote_addr\":\"10.0.1.")
          .append(c % 250)
          .append("\",\"remote_port\":443,\"state\":\"ESTABLISHED\",\"pid\":")
          .append(1 + c)
          .append('}');
    }
    return sb.append("]}}").toString();
  }
}
