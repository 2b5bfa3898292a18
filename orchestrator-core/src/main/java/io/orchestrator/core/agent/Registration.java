package io.orchestrator.core.agent;

import io.orchestrator.core.report.InvalidReportException;
import io.orchestrator.core.report.Report;
import java.util.Map;

/**
 * An agent's registration request. Validates in its constructor: the id follows the report's
 * agent_id rules; the hostname is not blank, at most {@value #MAX_HOSTNAME} characters and free of
 * control characters; metadata has at most {@value #MAX_METADATA} entries, keys of at most {@value
 * #MAX_KEY} and values of at most {@value #MAX_VALUE} characters. A registration is kept for as
 * long as its agent and listed with every agent, so unbounded ones would let one client make every
 * listing huge. Immutable and thread-safe.
 *
 * @param agentId the agent's id
 * @param hostname the host it runs on
 * @param metadata free-form labels; null becomes empty
 */
public record Registration(String agentId, String hostname, Map<String, String> metadata) {
  /** The longest hostname (a DNS name's limit). */
  public static final int MAX_HOSTNAME = 253;

  /** The most metadata entries. */
  public static final int MAX_METADATA = 64;

  /** The longest metadata key. */
  public static final int MAX_KEY = 128;

  /** The longest metadata value. */
  public static final int MAX_VALUE = 1024;

  /** Validates and copies. */
  public Registration {
    Report.checkAgentId("agent_id", agentId);
    if (hostname == null || hostname.isBlank()) {
      throw new InvalidReportException("hostname", "must not be blank");
    }
    text("hostname", hostname, MAX_HOSTNAME);
    metadata = metadata == null ? Map.of() : checked(metadata);
  }

  private static Map<String, String> checked(Map<String, String> metadata) {
    if (metadata.size() > MAX_METADATA) {
      throw new InvalidReportException(
          "metadata", "has more than " + MAX_METADATA + " entries: " + metadata.size());
    }
    metadata.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new InvalidReportException("metadata." + k, "must be a string, not null");
          }
          text("metadata key", k, MAX_KEY);
          text("metadata." + (k.length() > 40 ? k.substring(0, 40) + "…" : k), v, MAX_VALUE);
        });
    return Map.copyOf(metadata);
  }

  private static void text(String field, String value, int max) {
    if (value.length() > max) {
      throw new InvalidReportException(
          field, "longer than " + max + " characters: " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidReportException(field, "must not contain control characters");
      }
    }
  }
}
