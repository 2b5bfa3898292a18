package io.orchestrator.core.report;

/**
 * Memory figures in MiB and usage in percent. Immutable and thread-safe.
 *
 * @param totalMb total memory
 * @param freeMb free memory
 * @param availableMb available memory
 * @param usedMb used memory
 * @param usage used memory in percent
 */
public record MemoryInfo(long totalMb, long freeMb, long availableMb, long usedMb, double usage) {}
