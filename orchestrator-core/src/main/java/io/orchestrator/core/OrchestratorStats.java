package io.orchestrator.core;

import io.orchestrator.core.alert.AlertStats;
import io.orchestrator.core.hub.HubStats;
import io.orchestrator.core.series.SeriesStats;
import io.orchestrator.core.topology.TopologyStats;
import java.time.Duration;

/**
 * A point-in-time view of the whole engine (DESIGN §4.5). Immutable and thread-safe.
 *
 * @param agents registered agents
 * @param agentsActive agents seen within the stale threshold
 * @param agentsStale agents silent for longer
 * @param storage time-series figures
 * @param topology topology counts
 * @param hub hub counters
 * @param reportsTotal accepted reports since start
 * @param reportsRejected rejected reports since start (counted by the transport)
 * @param alerts alerting figures
 * @param uptime time since the engine was built
 */
public record OrchestratorStats(
    int agents,
    int agentsActive,
    int agentsStale,
    SeriesStats storage,
    TopologyStats topology,
    HubStats hub,
    long reportsTotal,
    long reportsRejected,
    AlertStats alerts,
    Duration uptime) {}
