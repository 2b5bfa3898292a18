package io.orchestrator.core.series;

import java.util.List;

/**
 * The metric groups: metrics that always arrive together in one report section share a group, so
 * they share one sample counter per bucket.
 */
enum Schema {
  HOST_CPU("host.cpu.", "usage", "cores"),
  HOST_MEMORY("host.memory.", "usage", "used_mb", "available_mb"),
  HOST_LOAD("host.load.", "1", "5", "15"),
  HOST_CONTAINERS("host.containers.", "running"),
  HOST_PROCESSES("host.processes.", "total"),
  HOST_CONNECTIONS("host.connections.", "total"),
  CONTAINER(
      "container.",
      "cpu_percent",
      "memory_usage_mb",
      "memory_percent",
      "network_rx_mb",
      "network_tx_mb"),
  PROCESS("process.", "memory_mb", "threads", "open_files");

  private final String prefix;

  @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable, the checker cannot tell
  private final List<String> fields;

  Schema(String prefix, String... fields) {
    this.prefix = prefix;
    this.fields = List.of(fields);
  }

  int width() {
    return fields.size();
  }

  /** The metric name of field {@code f}; {@code entity} is the container id or pid, else null. */
  String metricName(String entity, int f) {
    return entity == null ? prefix + fields.get(f) : prefix + entity + "." + fields.get(f);
  }
}
