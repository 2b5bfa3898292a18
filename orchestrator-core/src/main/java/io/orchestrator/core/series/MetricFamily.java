package io.orchestrator.core.series;

import java.util.List;

/**
 * The metric families of DESIGN §4.4: metrics that always arrive together in one report section
 * share a family, so they share timestamps (one bucket list) wherever they are stored. Immutable
 * and thread-safe.
 */
public enum MetricFamily {
  /** {@code host.cpu.usage}, {@code host.cpu.cores}. */
  HOST_CPU(1, "host.cpu.", "usage", "cores"),
  /** {@code host.memory.usage}, {@code .used_mb}, {@code .available_mb}. */
  HOST_MEMORY(2, "host.memory.", "usage", "used_mb", "available_mb"),
  /** {@code host.load.1}, {@code .5}, {@code .15}. */
  HOST_LOAD(3, "host.load.", "1", "5", "15"),
  /** {@code host.containers.running}. */
  HOST_CONTAINERS(4, "host.containers.", "running"),
  /** {@code host.processes.total}. */
  HOST_PROCESSES(5, "host.processes.", "total"),
  /** {@code host.connections.total}. */
  HOST_CONNECTIONS(6, "host.connections.", "total"),
  /** {@code container.<id>.cpu_percent} and the rest of a container's stats. */
  CONTAINER(
      7,
      "container.",
      "cpu_percent",
      "memory_usage_mb",
      "memory_percent",
      "network_rx_mb",
      "network_tx_mb"),
  /** {@code process.<pid>.memory_mb}, {@code .threads}, {@code .open_files}. */
  PROCESS(8, "process.", "memory_mb", "threads", "open_files");

  private final int code;
  private final String prefix;

  @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable, the checker cannot tell
  private final List<String> fields;

  MetricFamily(int code, String prefix, String... fields) {
    this.code = code;
    this.prefix = prefix;
    this.fields = List.of(fields);
  }

  /** A stable number for stored forms; never reused for another family. */
  public int code() {
    return code;
  }

  /**
   * The family with {@code code}.
   *
   * @throws IllegalArgumentException for a code no family has
   */
  public static MetricFamily ofCode(int code) {
    for (MetricFamily f : values()) {
      if (f.code == code) {
        return f;
      }
    }
    throw new IllegalArgumentException("no metric family has code " + code);
  }

  /** Metrics in the family. */
  public int width() {
    return fields.size();
  }

  /** True for families with one member per container or process (named by an entity). */
  public boolean perEntity() {
    return this == CONTAINER || this == PROCESS;
  }

  /**
   * The metric name of field {@code f}.
   *
   * @param entity the container id or pid for per-entity families, else null
   */
  public String metricName(String entity, int f) {
    return entity == null ? prefix + fields.get(f) : prefix + entity + "." + fields.get(f);
  }
}
