package io.orchestrator.core.cluster;

/**
 * Carries {@link ClusterEvent}s between the replicas of one fleet (DESIGN §11). The storage is the
 * system of record; the bus only makes what one replica committed visible on the others quickly, so
 * a lost event costs latency, never data: after an outage the engine reads the storage again.
 *
 * <p>Implementations are thread-safe; {@link #publish} never blocks on the network for long.
 */
public interface ClusterBus extends AutoCloseable {

  /** Receives what other replicas publish. Called from one thread, in the bus's order. */
  interface Listener {
    /** Another replica's event (never this replica's own). */
    void onEvent(ClusterEvent event);

    /**
     * The bus was unreachable and is back: events may have been missed in between, so the engine
     * reads the storage again.
     */
    void onReconnected();
  }

  /**
   * Joins as {@code nodeId} and starts delivering the other replicas' events to {@code listener},
   * including those published shortly before the call (the engine read the storage just before).
   */
  void start(String nodeId, Listener listener);

  /** Publishes {@code event} to the other replicas; a failure is counted, never thrown. */
  void publish(ClusterEvent event);

  /** Whether the bus is connected, whether the first catch-up is done, and counters. */
  BusState state();

  /** Stops delivery and disconnects. Idempotent. */
  @Override
  void close();
}
