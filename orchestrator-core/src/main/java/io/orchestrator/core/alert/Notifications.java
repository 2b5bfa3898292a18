package io.orchestrator.core.alert;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what notifiers prepare: one daemon thread and one bounded queue per notifier. A delivery
 * is tried up to {@code attempts} times with doubling waits; a full queue drops new deliveries.
 * Failures and drops are counted and logged at WARN on the first and then every power-of-two
 * occurrence, never per item. Thread-safe.
 */
final class Notifications implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final List<Worker> workers = new ArrayList<>();
  private final NotificationSettings settings;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  Notifications(List<Notifier> notifiers, NotificationSettings settings) {
    this.settings = settings;
    for (Notifier n : notifiers) {
      Worker w = new Worker(n, new ArrayBlockingQueue<>(settings.queueCapacity()));
      Thread t = new Thread(w::run, "orchestrator-notifier-" + workers.size());
      t.setDaemon(true);
      w.thread = t;
      workers.add(w);
      t.start();
    }
  }

  /** Queues what each notifier makes of {@code evaluation}; never blocks. */
  void offer(Evaluation evaluation) {
    for (Worker w : workers) {
      List<Notifier.Delivery> deliveries;
      try {
        deliveries = w.notifier.deliveries(evaluation);
      } catch (RuntimeException e) {
        LOG.warn("Notifier {} could not prepare its notifications", w.notifier.name(), e);
        continue;
      }
      for (Notifier.Delivery d : deliveries) {
        if (!w.queue.offer(d)) {
          failed.incrementAndGet();
          warnEvery(dropped.incrementAndGet(), "dropped (its queue is full)", w, null);
        }
      }
    }
  }

  long sent() {
    return sent.get();
  }

  long failed() {
    return failed.get();
  }

  long dropped() {
    return dropped.get();
  }

  private static void warnEvery(long n, String what, Worker w, Exception cause) {
    if (Long.bitCount(n) == 1) {
      LOG.warn(
          "A notification to {} was {}; {} so far{}",
          w.notifier.name(),
          what,
          n,
          cause == null ? "" : ": " + cause);
    }
  }

  @Override
  public void close() {
    for (Worker w : workers) {
      w.thread.interrupt();
    }
    for (Worker w : workers) {
      try {
        w.thread.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private final class Worker {
    final Notifier notifier;
    final BlockingQueue<Notifier.Delivery> queue;
    Thread thread;

    Worker(Notifier notifier, BlockingQueue<Notifier.Delivery> queue) {
      this.notifier = notifier;
      this.queue = queue;
    }

    void run() {
      try {
        while (true) {
          deliver(queue.take());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // closing
      }
    }

    private void deliver(Notifier.Delivery d) throws InterruptedException {
      Duration wait = settings.initialBackoff();
      for (int attempt = 1; ; attempt++) {
        try {
          d.send();
          sent.incrementAndGet();
          return;
        } catch (Notifier.RejectedDeliveryException e) {
          warnEvery(failed.incrementAndGet(), "refused", this, e);
          return;
        } catch (IOException | RuntimeException e) {
          if (attempt >= settings.attempts()) {
            warnEvery(failed.incrementAndGet(), "not delivered after retries", this, e);
            return;
          }
        }
        Thread.sleep(wait.toMillis());
        wait =
            wait.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                ? settings.maxBackoff()
                : wait.multipliedBy(2);
      }
    }
  }
}
