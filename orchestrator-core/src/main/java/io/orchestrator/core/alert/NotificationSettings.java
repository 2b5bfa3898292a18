package io.orchestrator.core.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * How deliveries are queued and retried. Immutable and thread-safe.
 *
 * @param queueCapacity deliveries a notifier may have waiting; more are dropped (and counted)
 * @param attempts tries per delivery before it counts as failed
 * @param initialBackoff the wait after the first failed try; doubled after each
 * @param maxBackoff the longest wait between tries
 */
public record NotificationSettings(
    int queueCapacity, int attempts, Duration initialBackoff, Duration maxBackoff) {
  /** 1,024 waiting, 5 tries, waits of 1 s doubling to 30 s. */
  public static final NotificationSettings DEFAULTS =
      new NotificationSettings(1024, 5, Duration.ofSeconds(1), Duration.ofSeconds(30));

  /** Validates. */
  public NotificationSettings {
    if (queueCapacity <= 0 || attempts <= 0) {
      throw new IllegalArgumentException("queueCapacity and attempts must be positive");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
    }
  }
}
