package io.orchestrator.core.hub;

import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's queue and delivery state. A drain task runs only while {@code scheduled} is set,
 * so callbacks for one subscriber never overlap. Thread-safe.
 */
final class DefaultSubscription implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultSubscription.class);
  private static final int BATCH = 64;

  private final DefaultHub hub;
  private final Subscriber subscriber;
  // Linked, not array-backed: a bound of thousands must not cost its full array per idle
  // subscriber.
  private final BlockingQueue<Event> queue;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicBoolean open = new AtomicBoolean(true);
  private volatile EventFilter filter;

  DefaultSubscription(DefaultHub hub, EventFilter filter, Subscriber subscriber, int capacity) {
    this.hub = hub;
    this.filter = Objects.requireNonNull(filter, "filter");
    this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
    this.queue = new LinkedBlockingQueue<>(capacity);
  }

  void offer(Event event) {
    if (!open.get() || !filter.accepts(event)) {
      return;
    }
    if (!queue.offer(event)) {
      end(Subscriber.CloseReason.OVERFLOW);
      return;
    }
    if (scheduled.compareAndSet(false, true)) {
      hub.schedule(this::drain);
    }
  }

  private void drain() {
    for (int i = 0; i < BATCH && open.get(); i++) {
      Event e = queue.poll();
      if (e == null) {
        break;
      }
      try {
        subscriber.onEvent(e);
        hub.delivered();
      } catch (RuntimeException ex) {
        LOG.warn("Subscriber failed on {}; closing it: {}", e, ex.toString());
        end(Subscriber.CloseReason.FAILED);
      }
    }
    scheduled.set(false);
    // An offer may have raced with the reset above; whoever wins the flag drains.
    if (open.get() && !queue.isEmpty() && scheduled.compareAndSet(false, true)) {
      hub.schedule(this::drain);
    }
  }

  /** Ends the subscription once; the subscriber hears why on a delivery thread. */
  void end(Subscriber.CloseReason reason) {
    if (!open.compareAndSet(true, false)) {
      return;
    }
    queue.clear();
    hub.removed(this, reason);
    if (reason == Subscriber.CloseReason.HUB_CLOSED) {
      notifyClosed(reason);
    } else {
      hub.schedule(() -> notifyClosed(reason));
    }
  }

  private void notifyClosed(Subscriber.CloseReason reason) {
    try {
      subscriber.onClose(reason);
    } catch (RuntimeException ex) {
      LOG.warn("Subscriber failed while closing: {}", ex.toString());
    }
  }

  @Override
  public void filter(EventFilter newFilter) {
    this.filter = Objects.requireNonNull(newFilter, "filter");
  }

  @Override
  public EventFilter filter() {
    return filter;
  }

  @Override
  public boolean isOpen() {
    return open.get();
  }

  @Override
  public void close() {
    end(Subscriber.CloseReason.UNSUBSCRIBED);
  }
}
