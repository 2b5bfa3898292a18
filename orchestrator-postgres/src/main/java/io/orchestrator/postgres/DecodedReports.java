package io.orchestrator.postgres;

import io.orchestrator.core.ReceivedReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} history reports read and decoded, by agent and receive time (a kept
 * report never changes). Thread-safe.
 */
final class DecodedReports {
  private final Map<String, ReceivedReport> entries;

  DecodedReports(int capacity) {
    this.entries =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ReceivedReport> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized ReceivedReport get(String agentId, Instant receivedAt) {
    return entries.get(key(agentId, receivedAt));
  }

  synchronized void put(ReceivedReport r) {
    entries.put(key(r.agentId(), r.receivedAt()), r);
  }

  private static String key(String agentId, Instant receivedAt) {
    return agentId + "@" + receivedAt;
  }
}
