package io.orchestrator.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A clock truncated to microseconds, what a database keeps, so an instant reads back as it was
 * written. ({@code Clock.tick(clock, 1µs)} divides by zero in {@code millis()} on JDK 17.)
 * Thread-safe if the base clock is.
 */
final class MicrosClock extends Clock {
  private final Clock base;

  MicrosClock(Clock base) {
    this.base = base;
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MicrosClock(base.withZone(zone));
  }

  @Override
  public long millis() {
    return base.millis();
  }

  @Override
  public Instant instant() {
    return base.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
