package io.orchestrator.core.report;

/**
 * CPU model, core count and usage in percent. Immutable and thread-safe.
 *
 * @param model CPU model name
 * @param cores number of cores
 * @param usage CPU usage in percent
 */
public record CpuInfo(String model, int cores, double usage) {}
