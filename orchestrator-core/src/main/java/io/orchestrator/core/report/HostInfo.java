package io.orchestrator.core.report;

import java.time.OffsetDateTime;

/**
 * The host section of a report. Immutable and thread-safe.
 *
 * @param hostname host name as the probe sees it
 * @param kernelVersion kernel version string
 * @param uptime uptime in nanoseconds (the probe sends a Go {@code time.Duration})
 * @param bootTime boot time, may be null
 * @param cpuInfo CPU section, may be null
 * @param memoryInfo memory section, may be null
 * @param loadAverage load averages, may be null
 * @param timestamp probe clock time of the section, may be null
 */
public record HostInfo(
    String hostname,
    String kernelVersion,
    long uptime,
    OffsetDateTime bootTime,
    CpuInfo cpuInfo,
    MemoryInfo memoryInfo,
    LoadAverage loadAverage,
    OffsetDateTime timestamp) {}
