package io.orchestrator.core.hub;

/**
 * Hub counters since start. Immutable and thread-safe.
 *
 * @param subscribers open subscriptions
 * @param published events published
 * @param delivered event deliveries to subscribers
 * @param overflowClosed subscribers closed because their queue overflowed
 */
public record HubStats(int subscribers, long published, long delivered, long overflowClosed) {}
