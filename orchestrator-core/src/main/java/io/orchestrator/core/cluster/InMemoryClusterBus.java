package io.orchestrator.core.cluster;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bus between engines in one process: each joins a {@link Group} and receives the others' events
 * on its own thread, in publication order. For tests of replication and for services that embed
 * several engines; replicas in separate processes use a network bus (orchestrator-nats).
 *
 * <p>Each engine's delivery queue holds at most {@link #CAPACITY} events: a publisher waits while a
 * receiver's queue is full, so memory stays bounded and, within one process, nothing is dropped.
 * Thread-safe.
 */
public final class InMemoryClusterBus implements ClusterBus {

  /** The most events waiting for one engine. */
  public static final int CAPACITY = 10_000;

  /** The engines that hear each other. Thread-safe. */
  public static final class Group {
    private final List<InMemoryClusterBus> members = new CopyOnWriteArrayList<>();

    /** A new bus in this group, for one engine. */
    public ClusterBus join() {
      return join(CAPACITY);
    }

    ClusterBus join(int capacity) {
      return new InMemoryClusterBus(this, capacity);
    }
  }

  private final Group group;
  private final ThreadPoolExecutor delivery;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private volatile String nodeId;
  private volatile Listener listener;

  private InMemoryClusterBus(Group group, int capacity) {
    this.group = group;
    this.delivery =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(capacity),
            r -> {
              Thread t = new Thread(r, "orchestrator-bus");
              t.setDaemon(true);
              return t;
            },
            InMemoryClusterBus::waitForRoom);
  }

  /** Back-pressure: the publisher waits for room instead of the event being dropped. */
  private static void waitForRoom(Runnable delivery, ThreadPoolExecutor executor) {
    if (executor.isShutdown()) {
      return; // this engine left the group meanwhile
    }
    try {
      executor.getQueue().put(delivery);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A new group of engines. */
  public static Group group() {
    return new Group();
  }

  @Override
  public void start(String nodeId, Listener listener) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.listener = Objects.requireNonNull(listener, "listener");
    group.members.add(this);
  }

  @Override
  public void publish(ClusterEvent event) {
    published.incrementAndGet();
    for (InMemoryClusterBus other : group.members) {
      if (other != this) {
        other.deliver(event);
      }
    }
  }

  private void deliver(ClusterEvent event) {
    delivery.execute(
        () -> {
          received.incrementAndGet();
          listener.onEvent(event);
        });
  }

  @Override
  public BusState state() {
    return new BusState(true, true, published.get(), received.get(), 0, "ok");
  }

  @Override
  public void close() {
    group.members.remove(this);
    delivery.shutdownNow(); // what waits for a departed engine is moot, and frees its publishers
  }

  @Override
  public String toString() {
    return "InMemoryClusterBus[" + nodeId + "]";
  }
}
