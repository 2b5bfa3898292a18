package io.orchestrator.core.storage;

import java.time.Duration;
import java.time.Instant;

/**
 * Which reports history keeps, the same for every backend: the first report of an agent, the first
 * after it resumes from a silence longer than the stale threshold, and one whose sub-graph changed
 * shape, at most one per {@link #MIN_SPACING} (a change within it is kept with the next report
 * after it). Also tells when a reporting interval starts. Immutable and thread-safe; the per-agent
 * {@link State} is not.
 *
 * @param stale the stale threshold: a longer silence ends a reporting interval
 */
public record HistoryPolicy(Duration stale) {
  /** Shape changes closer together than this are kept as one, the later. */
  public static final Duration MIN_SPACING = Duration.ofMinutes(1);

  /**
   * What to do with one report.
   *
   * @param keep history keeps the report
   * @param resumed the report starts a new reporting interval (the first, or after a silence)
   * @param previousReport when the agent reported before (null for its first report): the end of
   *     the interval a resumed report closes
   */
  public record Decision(boolean keep, boolean resumed, Instant previousReport) {}

  /** One agent's state; not thread-safe (a backend keeps one per agent under its own lock). */
  public static final class State {
    private Instant lastReport;
    private Instant lastKept;
    private boolean pending;

    /** A fresh agent. */
    public State() {}

    /**
     * An agent taken up from storage: it last reported at {@code lastReport}; the next report is
     * kept, since what changed while nobody watched is not known.
     */
    public static State resumed(Instant lastReport) {
      State s = new State();
      s.lastReport = lastReport;
      s.pending = true;
      return s;
    }
  }

  /** Decides for a report received at {@code at}, and advances {@code state}. */
  public Decision next(State state, Instant at, boolean shapeChanged) {
    Instant previous = state.lastReport;
    boolean resumed = previous == null || Duration.between(previous, at).compareTo(stale) > 0;
    state.lastReport = previous == null || at.isAfter(previous) ? at : previous;
    state.pending |= shapeChanged;
    boolean spaced = state.lastKept == null || !at.isBefore(state.lastKept.plus(MIN_SPACING));
    boolean keep = resumed || (state.pending && spaced);
    if (keep) {
      state.lastKept = at;
      state.pending = false;
    }
    return new Decision(keep, resumed, previous);
  }
}
