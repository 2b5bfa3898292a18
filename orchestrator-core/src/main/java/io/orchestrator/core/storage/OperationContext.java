package io.orchestrator.core.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds a storage operation by a deadline and/or a cancellation signal, like Go's {@code
 * context.Context}. Stores call {@link #check()} before (and, for long operations, during) their
 * work.
 *
 * <p>Thread-safe: one thread may {@link #cancel()} while others check.
 */
public final class OperationContext {
  private static final OperationContext BACKGROUND = new OperationContext(null, null);

  private final Clock clock;
  private final Instant deadline;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  private OperationContext(Clock clock, Instant deadline) {
    this.clock = clock;
    this.deadline = deadline;
  }

  /** A context that never expires and cannot be cancelled. */
  public static OperationContext background() {
    return BACKGROUND;
  }

  /** A context with no deadline that can be {@link #cancel() cancelled}. */
  public static OperationContext cancellable() {
    return new OperationContext(null, null);
  }

  /** A cancellable context that expires at {@code deadline} as read from {@code clock}. */
  public static OperationContext withDeadline(Clock clock, Instant deadline) {
    return new OperationContext(Objects.requireNonNull(clock), Objects.requireNonNull(deadline));
  }

  /** A cancellable context that expires {@code timeout} after now, as read from {@code clock}. */
  public static OperationContext withTimeout(Clock clock, Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    return withDeadline(clock, clock.instant().plus(timeout));
  }

  /** Cancels this context; a no-op on {@link #background()}. */
  public void cancel() {
    if (this != BACKGROUND) {
      cancelled.set(true);
    }
  }

  /** True once cancelled or past the deadline. */
  public boolean isDone() {
    return cancelled.get() || (deadline != null && !clock.instant().isBefore(deadline));
  }

  /**
   * Throws if the operation must stop.
   *
   * @throws CancellationException when cancelled
   * @throws DeadlineExceededException when the deadline has passed
   */
  public void check() {
    if (cancelled.get()) {
      throw new CancellationException("operation cancelled");
    }
    if (deadline != null && !clock.instant().isBefore(deadline)) {
      throw new DeadlineExceededException("deadline exceeded at " + deadline);
    }
  }
}
