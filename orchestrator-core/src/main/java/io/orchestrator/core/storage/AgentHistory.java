package io.orchestrator.core.storage;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.report.ReportCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * One agent's history in memory: the reports {@link HistoryPolicy} keeps (so a churning host costs
 * at most one a minute), and the intervals during which it was reporting. Thread-safe: every method
 * is synchronized on the agent.
 */
final class AgentHistory {
  private static final int MAX_KEPT = 1_440;

  private final Deque<KeptReport> kept = new ArrayDeque<>();
  private final Deque<long[]> intervals = new ArrayDeque<>();
  private final HistoryPolicy.State state = new HistoryPolicy.State();

  /**
   * Records a report.
   *
   * @param shapeChanged its sub-graph changed shape
   * @return true when the report was kept in history
   */
  synchronized boolean add(
      ReceivedReport r, boolean shapeChanged, HistoryPolicy policy, ReportCodec codec) {
    HistoryPolicy.Decision d = policy.next(state, r.receivedAt(), shapeChanged);
    long at = r.receivedAt().toEpochMilli();
    if (d.resumed() || intervals.isEmpty()) {
      intervals.addLast(new long[] {at, at});
    } else {
      long[] last = intervals.peekLast();
      last[1] = Math.max(last[1], at);
    }
    if (d.keep()) {
      kept.addLast(KeptReport.of(r, codec));
      if (kept.size() > MAX_KEPT) {
        kept.removeFirst();
      }
    }
    return d.keep();
  }

  /** The newest kept report at or before {@code at}. */
  synchronized ReceivedReport at(Instant at, ReportCodec codec) {
    KeptReport found = null;
    for (KeptReport k : kept) {
      if (k.receivedAt().isAfter(at)) {
        break;
      }
      found = k;
    }
    return found == null ? null : found.get(codec);
  }

  /** True when the agent had reported within {@code stale} before {@code at}. */
  synchronized boolean activeAt(Instant at, Duration stale) {
    long t = at.toEpochMilli();
    for (long[] i : intervals) {
      if (i[0] <= t && t <= i[1] + stale.toMillis()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops what only answers for instants before {@code start}, keeping the report that stood at it.
   *
   * @return true when nothing is left
   */
  synchronized boolean expire(Instant start, Duration stale) {
    while (kept.size() > 1) {
      Iterator<KeptReport> it = kept.iterator();
      it.next();
      if (it.next().receivedAt().isAfter(start)) {
        break;
      }
      kept.removeFirst();
    }
    long t = start.toEpochMilli();
    while (!intervals.isEmpty() && intervals.peekFirst()[1] + stale.toMillis() < t) {
      intervals.removeFirst();
    }
    if (intervals.isEmpty()) {
      kept.clear();
    }
    return kept.isEmpty();
  }
}
