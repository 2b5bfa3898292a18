/** Storage figures: bytes per point in memory and in PostgreSQL, on probe-like values. */
package io.orchestrator.benchmarks.storage;
