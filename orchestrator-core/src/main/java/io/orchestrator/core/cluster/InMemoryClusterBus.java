package io.orchestrator.core.cluster;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bus between engines in one process: each joins a {@link Group} and receives the others' events
 * on its own thread, in publication order. For tests of replication and for services that embed
 * several engines; replicas in separate processes use a network bus (orchestrator-nats).
 * Thread-safe.
 */
public final class InMemoryClusterBus implements ClusterBus {

  /** The engines that hear each other. Thread-safe. */
  public static final class Group {
    private final List<InMemoryClusterBus> members = new CopyOnWriteArrayList<>();

    /** A new bus in this group, for one engine. */
    public ClusterBus join() {
      return new InMemoryClusterBus(this);
    }
  }

  private final Group group;
  private final ExecutorService delivery =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "orchestrator-bus");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private volatile String nodeId;
  private volatile Listener listener;

  private InMemoryClusterBus(Group group) {
    this.group = group;
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
    try {
      delivery.execute(
          () -> {
            received.incrementAndGet();
            listener.onEvent(event);
          });
    } catch (RejectedExecutionException closed) {
      // this engine left the group meanwhile
    }
  }

  @Override
  public BusState state() {
    return new BusState(true, true, published.get(), received.get(), 0, "ok");
  }

  @Override
  public void close() {
    group.members.remove(this);
    delivery.shutdown();
  }

  @Override
  public String toString() {
    return "InMemoryClusterBus[" + nodeId + "]";
  }
}
