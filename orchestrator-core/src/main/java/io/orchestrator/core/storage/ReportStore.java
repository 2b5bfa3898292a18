package io.orchestrator.core.storage;

import io.orchestrator.core.ReceivedReport;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Each agent's latest report, and its history: the reports at which its sub-graph changed shape,
 * and when it was reporting at all. Implementations are thread-safe.
 */
public interface ReportStore {

  /** The agent's latest accepted report. */
  Optional<ReceivedReport> latest(String agentId);

  /** Every agent's latest report. */
  Map<String, ReceivedReport> latest();

  /**
   * The report that stood for the agent at {@code at}: its newest kept report at or before it.
   *
   * @throws OutsideHistoryException when {@code at} is outside {@link #historyStart()}..now
   */
  Optional<ReceivedReport> at(String agentId, Instant at);

  /**
   * Every agent that was reporting at {@code at} (a report within the stale threshold before it)
   * with the report that stood for it then.
   *
   * @throws OutsideHistoryException when {@code at} is outside {@link #historyStart()}..now
   */
  Map<String, ReceivedReport> activeAt(Instant at);

  /** The oldest instant history can answer for. */
  Instant historyStart();
}
