package io.orchestrator.core.agent;

import io.orchestrator.core.report.InvalidReportException;
import io.orchestrator.core.report.Report;
import java.util.Map;

/**
 * An agent's registration request. Validates in its constructor: the id follows the report's
 * agent_id rules, the hostname is not blank, metadata values are strings. Immutable and
 * thread-safe.
 *
 * @param agentId the agent's id
 * @param hostname the host it runs on
 * @param metadata free-form labels; null becomes empty
 */
public record Registration(String agentId, String hostname, Map<String, String> metadata) {

  /** Validates and copies. */
  public Registration {
    Report.checkAgentId("agent_id", agentId);
    if (hostname == null || hostname.isBlank()) {
      throw new InvalidReportException("hostname", "must not be blank");
    }
    metadata = metadata == null ? Map.of() : checked(metadata);
  }

  private static Map<String, String> checked(Map<String, String> metadata) {
    metadata.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new InvalidReportException("metadata." + k, "must be a string, not null");
          }
        });
    return Map.copyOf(metadata);
  }
}
