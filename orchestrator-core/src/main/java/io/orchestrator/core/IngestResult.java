package io.orchestrator.core;

import java.time.Instant;

/**
 * The outcome of an accepted report. Immutable and thread-safe.
 *
 * @param newAgent true when the report registered its agent implicitly
 * @param receivedAt server clock time of acceptance
 * @param topologyVersion the topology version after applying the report
 */
public record IngestResult(boolean newAgent, Instant receivedAt, long topologyVersion) {}
