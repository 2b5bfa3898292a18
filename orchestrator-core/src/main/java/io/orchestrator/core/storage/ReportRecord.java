package io.orchestrator.core.storage;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.series.MetricSample;
import java.util.List;
import java.util.Objects;

/**
 * What an accepted report changes, written to storage as one unit. Immutable and thread-safe.
 *
 * @param agent the reporting agent as the registry now has it
 * @param report the report with its receive time (and wire form, when it had one)
 * @param samples its metrics ({@link io.orchestrator.core.series.Metrics#of})
 * @param shapeChanged true when the agent's sub-graph changed shape: history keeps this report
 */
public record ReportRecord(
    Agent agent, ReceivedReport report, List<MetricSample> samples, boolean shapeChanged) {

  /** Checks and copies. */
  public ReportRecord {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(report, "report");
    samples = List.copyOf(samples);
    if (!agent.agentId().equals(report.agentId())) {
      throw new IllegalArgumentException(
          "report of " + report.agentId() + " recorded for agent " + agent.agentId());
    }
  }
}
