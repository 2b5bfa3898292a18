package io.orchestrator.nats;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the engine its events on one thread, in order. Bounded: when the engine falls behind, the
 * NATS dispatcher waits, and JetStream's flow control slows the stream. Thread-safe.
 */
final class DeliveryQueue {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryQueue.class);
  private static final int CAPACITY = 10_000;

  private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread worker = new Thread(this::run, "orchestrator-bus");

  DeliveryQueue() {
    worker.setDaemon(true);
  }

  void start() {
    worker.start();
  }

  void put(Runnable task) {
    try {
      queue.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        queue.take().run();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("A replicated event could not be applied: {}", e.toString(), e);
      }
    }
  }

  void close() {
    worker.interrupt();
  }
}
