package io.orchestrator.core.report;

/**
 * A container's resource usage. Immutable and thread-safe.
 *
 * @param cpuPercent CPU usage in percent
 * @param memoryUsageMb memory used in MiB
 * @param memoryLimitMb memory limit in MiB
 * @param memoryPercent memory used in percent of the limit
 * @param networkRxMb MiB received
 * @param networkTxMb MiB sent
 */
public record ContainerStats(
    double cpuPercent,
    double memoryUsageMb,
    double memoryLimitMb,
    double memoryPercent,
    double networkRxMb,
    double networkTxMb) {}
