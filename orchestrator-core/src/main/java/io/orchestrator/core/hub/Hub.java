package io.orchestrator.core.hub;

/**
 * Publish/subscribe of typed {@link Event}s.
 *
 * <p>{@link #publish} never blocks and never throws: each subscriber has a bounded queue, and a
 * subscriber whose queue is full is closed with {@link Subscriber.CloseReason#OVERFLOW} and
 * counted. Implementations are thread-safe.
 */
public interface Hub extends AutoCloseable {
  /** Offers {@code event} to every subscriber whose filter accepts it. */
  void publish(Event event);

  /** Subscribes {@code subscriber} with {@code filter}. */
  Subscription subscribe(EventFilter filter, Subscriber subscriber);

  /** True when some open subscriber's filter accepts events of {@code type}. */
  boolean wants(EventType type);

  /** Counters. */
  HubStats stats();

  /** Closes every subscription ({@link Subscriber.CloseReason#HUB_CLOSED}) and stops delivery. */
  @Override
  void close();
}
