package io.orchestrator.core.hub;

/**
 * Receives hub events. Callbacks run on the hub's delivery threads, one at a time per subscriber
 * and in publish order; they must not block (hand slow work off), or the subscriber's queue fills
 * and it is closed with {@link CloseReason#OVERFLOW}.
 */
public interface Subscriber {
  /** Called for each event that passes the subscription's filter. */
  void onEvent(Event event);

  /** Called once when the subscription ends, with the reason. */
  default void onClose(CloseReason reason) {}

  /** Why a subscription ended. Immutable and thread-safe. */
  enum CloseReason {
    /** The subscriber closed it. */
    UNSUBSCRIBED,
    /** Its queue overflowed: it did not keep up with the events. */
    OVERFLOW,
    /** Its callback threw. */
    FAILED,
    /** The hub was closed. */
    HUB_CLOSED
  }
}
