package io.orchestrator.testkit;

/**
 * Preset report shapes. Immutable and thread-safe.
 *
 * <p>{@code MEDIUM} matches the benchmarks' "realistic report" (about 5.6 KB per 10 processes of
 * JSON is typical of the real probe; a medium report is ~25 KB).
 */
public enum ReportSize {
  /** 2 containers, 10 processes, 10 connections. */
  SMALL(2, 10, 10),
  /** 10 containers, 50 processes, 100 connections. */
  MEDIUM(10, 50, 100),
  /** 40 containers, 300 processes, 600 connections. */
  LARGE(40, 300, 600);

  final int containers;
  final int processes;
  final int connections;

  ReportSize(int containers, int processes, int connections) {
    this.containers = containers;
    this.processes = processes;
    this.connections = connections;
  }
}
