package io.orchestrator.server.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket (Bucket4j) per client: its credential's key id or subject, else its address.
 * Buckets idle longer than it takes to refill are dropped, and at most {@value #MAX_CLIENTS} are
 * kept: past that, new clients share one bucket until idle ones go, so a flood of source addresses
 * cannot grow memory. Thread-safe.
 */
public final class RateLimits {
  static final int MAX_CLIENTS = 100_000;

  private final double perSecond;
  private final int burst;
  private final long idleNanos;
  private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
  private final Bucket overflow;
  private final AtomicLong refused = new AtomicLong();

  private record Entry(Bucket bucket, AtomicLong lastUsed) {}

  /** {@code perSecond} requests a second per client, {@code burst} at once. */
  public RateLimits(double perSecond, int burst) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.idleNanos =
        Math.max(TimeUnit.SECONDS.toNanos(60), (long) (burst / perSecond * 1_000_000_000L));
    this.overflow = bucket();
  }

  private Bucket bucket() {
    long periodNanos = (long) (1_000_000_000L / perSecond);
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(burst)
                .refillGreedy(1, Duration.ofNanos(Math.max(1, periodNanos)))
                .build())
        .build();
  }

  /**
   * Takes one request from {@code client}'s bucket.
   *
   * @return 0 when allowed, else the whole seconds (at least 1) until it would be
   */
  public long acquire(String client, long nowNanos) {
    Entry e = buckets.get(client);
    if (e == null) {
      if (buckets.size() >= MAX_CLIENTS) {
        return answer(overflow.tryConsumeAndReturnRemaining(1));
      }
      e = buckets.computeIfAbsent(client, k -> new Entry(bucket(), new AtomicLong()));
    }
    e.lastUsed.set(nowNanos);
    return answer(e.bucket.tryConsumeAndReturnRemaining(1));
  }

  private long answer(ConsumptionProbe probe) {
    if (probe.isConsumed()) {
      return 0;
    }
    refused.incrementAndGet();
    return Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
  }

  /** Drops buckets idle long enough to be full again; returns how many. */
  public int sweep(long nowNanos) {
    int dropped = 0;
    for (Iterator<Entry> it = buckets.values().iterator(); it.hasNext(); ) {
      if (nowNanos - it.next().lastUsed.get() > idleNanos) {
        it.remove();
        dropped++;
      }
    }
    return dropped;
  }

  /** Clients with a bucket now. */
  public int clients() {
    return buckets.size();
  }

  /** Requests refused since start. */
  public long refused() {
    return refused.get();
  }
}
