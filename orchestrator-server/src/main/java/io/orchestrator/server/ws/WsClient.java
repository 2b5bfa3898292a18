package io.orchestrator.server.ws;

import io.orchestrator.core.hub.Event;
import io.orchestrator.core.hub.Subscriber;
import io.orchestrator.core.hub.Subscription;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connected client: sends are asynchronous and counted; a client with more than {@code
 * maxPending} unsent messages has stopped reading and is closed with 1008, so it never slows
 * ingestion or other clients. Thread-safe.
 */
final class WsClient implements Subscriber {
  static final int POLICY_VIOLATION = 1008;
  static final int GOING_AWAY = 1001;

  private final Session session;
  private final int maxPending;
  private final Runnable onOverflow;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile Subscription subscription;

  WsClient(Session session, int maxPending, Runnable onOverflow) {
    this.session = session;
    this.maxPending = maxPending;
    this.onOverflow = onOverflow;
  }

  void subscription(Subscription s) {
    this.subscription = s;
  }

  Subscription subscription() {
    return subscription;
  }

  /** Queues {@code text} for sending, or closes the client if it is too far behind. */
  void send(String text) {
    if (closing.get() || !session.isOpen()) {
      return;
    }
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      onOverflow.run();
      close(POLICY_VIOLATION, "send buffer overflow: client is not reading");
      return;
    }
    session.sendText(text, Callback.from(pending::decrementAndGet, t -> pending.decrementAndGet()));
  }

  @Override
  public void onEvent(Event event) {
    send(event.encoded(Frames::event));
  }

  @Override
  public void onClose(CloseReason reason) {
    if (reason == CloseReason.OVERFLOW) {
      onOverflow.run();
      close(POLICY_VIOLATION, "event queue overflow: client is not keeping up");
    } else if (reason == CloseReason.HUB_CLOSED) {
      close(GOING_AWAY, "server shutting down");
    }
  }

  /** Closes the connection once, with {@code code} and {@code reason}. */
  void close(int code, String reason) {
    if (closing.compareAndSet(false, true)) {
      Subscription s = subscription;
      if (s != null) {
        s.close();
      }
      session.close(code, reason, Callback.NOOP);
    }
  }
}
