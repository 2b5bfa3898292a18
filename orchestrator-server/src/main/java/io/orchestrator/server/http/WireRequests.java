package io.orchestrator.server.http;

import java.time.OffsetDateTime;
import java.util.Map;

/** Request bodies that are not reports. */
final class WireRequests {
  private WireRequests() {}

  /**
   * {@code POST /api/v1/agents/register}.
   *
   * @param agentId required
   * @param hostname required
   * @param metadata optional labels
   * @param timestamp optional probe time (not used: the server clock decides)
   */
  record RegisterBody(
      String agentId, String hostname, Map<String, String> metadata, OffsetDateTime timestamp) {}
}
