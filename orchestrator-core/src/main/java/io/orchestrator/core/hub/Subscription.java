package io.orchestrator.core.hub;

/** A live subscription. Implementations are thread-safe. */
public interface Subscription extends AutoCloseable {
  /** Replaces the filter for events published from now on. */
  void filter(EventFilter filter);

  /** The current filter. */
  EventFilter filter();

  /** True until closed for any reason. */
  boolean isOpen();

  /** Ends the subscription; idempotent. */
  @Override
  void close();
}
