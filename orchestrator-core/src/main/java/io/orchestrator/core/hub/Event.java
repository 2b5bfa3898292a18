package io.orchestrator.core.hub;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * A hub event. One instance is shared by every subscriber, so a transport can {@link #encoded
 * encode} it once for all of them.
 *
 * <p>Thread-safe: immutable apart from the encoding memo, which is computed exactly once.
 */
public final class Event {
  private final HubEvent payload;
  private final Instant timestamp;
  private volatile Object encoded;

  /**
   * Creates an event.
   *
   * @param payload what happened
   * @param timestamp when it happened (server clock)
   */
  public Event(HubEvent payload, Instant timestamp) {
    this.payload = Objects.requireNonNull(payload, "payload");
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
  }

  /** The event type. */
  public EventType type() {
    return payload.type();
  }

  /** The agent it concerns, or null. */
  public String agentId() {
    return payload.agentId();
  }

  /** What happened. */
  public HubEvent payload() {
    return payload;
  }

  /** When it happened. */
  public Instant timestamp() {
    return timestamp;
  }

  /**
   * The event encoded by {@code encoder}, computed on first call and shared afterwards. Every
   * caller must pass an equivalent encoder (one transport, one wire format).
   */
  @SuppressWarnings("unchecked")
  public <T> T encoded(Function<? super Event, T> encoder) {
    Object e = encoded;
    if (e == null) {
      synchronized (this) {
        e = encoded;
        if (e == null) {
          e = Objects.requireNonNull(encoder.apply(this), "encoding");
          encoded = e;
        }
      }
    }
    return (T) e;
  }

  @Override
  public String toString() {
    return "Event[" + type().wireName() + (agentId() == null ? "" : ", " + agentId()) + "]";
  }
}
