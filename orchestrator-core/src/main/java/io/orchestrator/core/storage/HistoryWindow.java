package io.orchestrator.core.storage;

import java.time.Instant;

/** The rule every {@link ReportStore} applies to a time-travel instant. Stateless. */
public final class HistoryWindow {
  private HistoryWindow() {}

  /**
   * Checks that {@code at} lies between {@code start} and {@code now}.
   *
   * @throws OutsideHistoryException naming the oldest instant available, or the present
   */
  public static void check(Instant at, Instant start, Instant now) {
    if (at.isBefore(start)) {
      throw new OutsideHistoryException(
          "at " + at + " is before the oldest instant available, " + start);
    }
    if (at.isAfter(now)) {
      throw new OutsideHistoryException("at " + at + " is in the future (now " + now + ")");
    }
  }
}
