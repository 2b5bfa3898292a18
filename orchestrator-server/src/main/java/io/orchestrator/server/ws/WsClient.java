package io.orchestrator.server.ws;

import io.orchestrator.core.hub.Event;
import io.orchestrator.core.hub.Subscriber;
import io.orchestrator.core.hub.Subscription;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connected client with flow control: one frame in flight at a time, the rest in a backlog
 * bounded by message count and characters. A backlog over either bound means the client has stopped
 * reading (or reads far slower than events arrive); it is closed with 1008, so it never slows
 * ingestion or other clients. Frames are shared strings (each event is encoded once), so a backlog
 * costs references, not copies. Thread-safe.
 */
final class WsClient implements Subscriber {
  static final int POLICY_VIOLATION = 1008;
  static final int GOING_AWAY = 1001;
  static final long MAX_BACKLOG_CHARS = 64L << 20;

  private final Session session;
  private final Frames frames;
  private final int maxBacklog;
  private final Runnable onOverflow;
  private final Queue<String> backlog = new ConcurrentLinkedQueue<>();
  private final AtomicInteger backlogSize = new AtomicInteger();
  private final AtomicLong backlogChars = new AtomicLong();
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile Thread pumping;
  private volatile Subscription subscription;

  WsClient(Session session, Frames frames, int maxBacklog, Runnable onOverflow) {
    this.session = session;
    this.frames = frames;
    this.maxBacklog = maxBacklog;
    this.onOverflow = onOverflow;
  }

  void subscription(Subscription s) {
    this.subscription = s;
  }

  Subscription subscription() {
    return subscription;
  }

  /** Queues {@code text}; closes the client instead when its backlog is full. */
  void send(String text) {
    if (closing.get()) {
      return;
    }
    if (backlogSize.incrementAndGet() > maxBacklog
        || backlogChars.addAndGet(text.length()) > MAX_BACKLOG_CHARS) {
      onOverflow.run();
      close(POLICY_VIOLATION, "send buffer overflow: client is not reading");
      return;
    }
    backlog.add(text);
    pump();
  }

  /** Sends backlog frames one at a time; a callback that completes inline continues the loop. */
  private void pump() {
    while (!closing.get() && inFlight.compareAndSet(false, true)) {
      String next = backlog.poll();
      if (next == null) {
        inFlight.set(false);
        if (backlog.isEmpty()) {
          return;
        }
        continue;
      }
      backlogSize.decrementAndGet();
      backlogChars.addAndGet(-next.length());
      pumping = Thread.currentThread();
      session.sendText(next, Callback.from(this::sent, this::failed));
      pumping = null;
      if (inFlight.get()) {
        return; // completes later; the callback pumps on
      }
    }
  }

  private void sent() {
    inFlight.set(false);
    if (pumping != Thread.currentThread()) {
      pump();
    }
  }

  private void failed(Throwable t) {
    inFlight.set(false);
    close(GOING_AWAY, "send failed");
  }

  @Override
  public void onEvent(Event event) {
    send(event.encoded(frames::event));
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
      backlog.clear();
      session.close(code, reason, Callback.NOOP);
    }
  }
}
