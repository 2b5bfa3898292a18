package io.orchestrator.core.hub;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link Hub}: per-subscriber bounded queues drained by a small shared pool of daemon
 * threads, at most one drain task per subscriber at a time (so each subscriber sees its events in
 * order, one at a time).
 *
 * <p>Thread-safe.
 */
public final class DefaultHub implements Hub {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultHub.class);

  private final int queueCapacity;
  private final ExecutorService pool;
  private final List<DefaultSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong overflowClosed = new AtomicLong();
  private volatile boolean closed;

  /**
   * Creates a hub.
   *
   * @param queueCapacity events a subscriber may have pending before it is closed, positive
   * @param threads delivery threads, positive
   */
  public DefaultHub(int queueCapacity, int threads) {
    if (queueCapacity <= 0 || threads <= 0) {
      throw new IllegalArgumentException("queueCapacity and threads must be positive");
    }
    this.queueCapacity = queueCapacity;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "orchestrator-hub-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void publish(Event event) {
    if (closed || event == null) {
      return;
    }
    published.incrementAndGet();
    for (DefaultSubscription s : subscriptions) {
      try {
        s.offer(event);
      } catch (RuntimeException e) {
        LOG.warn("Dropping {} for one subscriber: {}", event, e.toString());
      }
    }
  }

  @Override
  public Subscription subscribe(EventFilter filter, Subscriber subscriber) {
    if (closed) {
      throw new IllegalStateException("hub is closed");
    }
    DefaultSubscription s = new DefaultSubscription(this, filter, subscriber, queueCapacity);
    subscriptions.add(s);
    return s;
  }

  @Override
  public boolean wants(EventType type) {
    for (DefaultSubscription s : subscriptions) {
      if (s.isOpen() && s.filter().accepts(type)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public HubStats stats() {
    return new HubStats(
        subscriptions.size(), published.get(), delivered.get(), overflowClosed.get());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    subscriptions.forEach(s -> s.end(Subscriber.CloseReason.HUB_CLOSED));
    pool.shutdown();
    try {
      if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  void schedule(Runnable drain) {
    try {
      pool.execute(drain);
    } catch (RejectedExecutionException e) {
      // Only after close(): the subscription was ended there.
      LOG.debug("Delivery rejected after close");
    }
  }

  void delivered() {
    delivered.incrementAndGet();
  }

  void removed(DefaultSubscription s, Subscriber.CloseReason reason) {
    subscriptions.remove(s);
    if (reason == Subscriber.CloseReason.OVERFLOW) {
      long n = overflowClosed.incrementAndGet();
      if (Long.bitCount(n) == 1) { // 1, 2, 4, 8…: counted, not one line per subscriber
        LOG.warn("Closed a subscriber that fell {} events behind ({} so far)", queueCapacity, n);
      }
    }
  }
}
