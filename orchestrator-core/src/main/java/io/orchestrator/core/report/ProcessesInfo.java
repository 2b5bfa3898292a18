package io.orchestrator.core.report;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The process section of a report. Immutable and thread-safe; a null list becomes empty.
 *
 * @param processes the processes, never null
 * @param totalProcesses number of processes on the host
 * @param timestamp probe clock time of the section, may be null
 */
public record ProcessesInfo(
    List<ProcessInfo> processes, int totalProcesses, OffsetDateTime timestamp) {

  /** Copies the process list, treating null as empty. */
  public ProcessesInfo {
    processes = Lists.copyOf(processes);
  }
}
