package io.orchestrator.core.storage;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.report.ReportCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latest reports and history on the heap, answering for the last {@code window}. Thread-safe; one
 * lock per agent's history.
 */
final class InMemoryReports implements ReportStore {
  private final Clock clock;
  private final Duration window;
  private final Duration stale;
  private final HistoryPolicy policy;
  private final ReportCodec codec;
  private final ConcurrentHashMap<String, ReceivedReport> latest = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AgentHistory> history = new ConcurrentHashMap<>();

  InMemoryReports(Clock clock, Duration window, Duration stale, ReportCodec codec) {
    this.clock = clock;
    this.window = window;
    this.stale = stale;
    this.policy = new HistoryPolicy(stale);
    this.codec = codec;
  }

  /** Records an accepted report; true when history kept it. */
  boolean accept(ReceivedReport r, boolean shapeChanged) {
    ReceivedReport kept = r.compact();
    latest.put(kept.agentId(), kept);
    return history
        .computeIfAbsent(kept.agentId(), k -> new AgentHistory())
        .add(kept, shapeChanged, policy, codec);
  }

  void forget(String agentId) {
    latest.remove(agentId);
  }

  void expire() {
    Instant start = historyStart();
    history.entrySet().removeIf(e -> e.getValue().expire(start, stale));
  }

  void clear() {
    latest.clear();
    history.clear();
  }

  @Override
  public Optional<ReceivedReport> latest(String agentId) {
    return Optional.ofNullable(latest.get(agentId));
  }

  @Override
  public Map<String, ReceivedReport> latest() {
    return Map.copyOf(latest);
  }

  @Override
  public Optional<ReceivedReport> at(String agentId, Instant at) {
    check(at);
    AgentHistory h = history.get(agentId);
    return h == null ? Optional.empty() : Optional.ofNullable(h.at(at, codec));
  }

  @Override
  public Map<String, ReceivedReport> activeAt(Instant at) {
    check(at);
    Map<String, ReceivedReport> out = new TreeMap<>();
    history.forEach(
        (id, h) -> {
          if (h.activeAt(at, stale)) {
            ReceivedReport r = h.at(at, codec);
            if (r != null) {
              out.put(id, r);
            }
          }
        });
    return out;
  }

  @Override
  public Instant historyStart() {
    return clock.instant().minus(window);
  }

  private void check(Instant at) {
    HistoryWindow.check(at, historyStart(), clock.instant());
  }
}
