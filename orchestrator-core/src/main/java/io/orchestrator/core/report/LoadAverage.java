package io.orchestrator.core.report;

/**
 * The 1, 5 and 15 minute load averages. Immutable and thread-safe.
 *
 * @param load1 one-minute load
 * @param load5 five-minute load
 * @param load15 fifteen-minute load
 */
public record LoadAverage(double load1, double load5, double load15) {}
