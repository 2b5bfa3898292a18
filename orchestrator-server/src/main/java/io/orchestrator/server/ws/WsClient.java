package io.orchestrator.server.ws;

import io.orchestrator.core.hub.Event;
import io.orchestrator.core.hub.EventType;
import io.orchestrator.core.hub.HubEvent;
import io.orchestrator.core.hub.Subscriber;
import io.orchestrator.core.hub.Subscription;
import io.orchestrator.core.query.Query;
import io.orchestrator.core.query.QueryException;
import io.orchestrator.core.topology.Topology;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

/**
 * One connected client with flow control: one frame in flight at a time, the rest in a backlog
 * bounded by message count and bytes. A backlog over either bound means the client has stopped
 * reading (or reads far slower than events arrive); it is closed with 1008, so it never slows
 * ingestion or other clients. Frames are shared UTF-8 buffers (each event is encoded once), so a
 * backlog costs references, not copies.
 *
 * <p>Topology frames are the exception: each is the whole topology, so a newer one makes an unsent
 * older one worthless. At most one waits, replaced by each newer version and sent before the
 * backlog. A client that reads more slowly than topologies are pushed (a 30 MB topology a second at
 * 10,000 agents) therefore gets the latest state at its own pace instead of being dropped; one that
 * stops reading altogether still fills its backlog or hits the idle timeout. Thread-safe.
 */
final class WsClient implements Subscriber {
  static final int POLICY_VIOLATION = 1008;
  static final int GOING_AWAY = 1001;
  static final long MAX_BACKLOG_BYTES = 64L << 20;

  private final Session session;
  private final CoreSession core;
  private final Frames frames;
  private final Settings settings;
  private final Liveness liveness;
  private final Queue<ByteBuffer> backlog = new ConcurrentLinkedQueue<>();
  private final AtomicInteger backlogSize = new AtomicInteger();
  private final AtomicLong backlogBytes = new AtomicLong();
  private final AtomicReference<PendingTopology> pendingTopology = new AtomicReference<>();
  private final AtomicReference<Event> topologyToEncode = new AtomicReference<>();
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean started;
  private volatile long sentTopologyVersion = -1;
  private volatile Thread pumping;
  private volatile Subscription subscription;
  private volatile Query query = Query.all();

  /**
   * What clients of one feed share.
   *
   * @param maxBacklog frames a client may have unsent before it is closed
   * @param onOverflow counts a client closed for not reading
   * @param encoder where topology frames are encoded, off the hub's delivery threads
   */
  record Settings(int maxBacklog, Runnable onOverflow, Executor encoder) {}

  /** A topology frame waiting to be sent, with its version so an older one never wins. */
  private record PendingTopology(long version, ByteBuffer frame) {
    static PendingTopology newer(PendingTopology current, PendingTopology offered) {
      return current == null || current.version < offered.version ? offered : current;
    }
  }

  WsClient(Session session, Frames frames, Settings settings) {
    this.session = session;
    // The API session only sends strings, which Jetty would encode to UTF-8 once per client; the
    // core session sends the shared, already-encoded bytes as the same text frame.
    this.core = ((WebSocketSession) session).getCoreSession();
    WebSocketConnection connection = ((WebSocketCoreSession) core).getConnection();
    this.liveness = new Liveness(connection::getBytesIn, System.nanoTime());
    this.frames = frames;
    this.settings = settings;
  }

  /**
   * Filters this client's topologies (DESIGN §9.2), starting with {@code current}, sent again
   * filtered even if its version went out before.
   */
  void query(Query q, Topology current) {
    this.query = q;
    sentTopologyVersion = -1;
    sendTopology(current);
  }

  Query query() {
    return query;
  }

  void subscription(Subscription s) {
    this.subscription = s;
  }

  Subscription subscription() {
    return subscription;
  }

  /** When this client last sent anything; only the feed's sweep uses it. */
  Liveness liveness() {
    return liveness;
  }

  /** Queues {@code frame}; closes the client instead when its backlog is full. */
  void send(ByteBuffer frame) {
    if (closing.get()) {
      return;
    }
    if (backlogSize.incrementAndGet() > settings.maxBacklog()
        || backlogBytes.addAndGet(frame.remaining()) > MAX_BACKLOG_BYTES) {
      settings.onOverflow().run();
      close(POLICY_VIOLATION, "send buffer overflow: client is not reading");
      return;
    }
    backlog.add(frame);
    pump();
  }

  /**
   * Makes {@code t} the next topology to send, superseding any older one still unsent; a version no
   * newer than one already queued or sent is dropped.
   */
  void sendTopology(Topology t) {
    if (!closing.get()) {
      ByteBuffer frame;
      try {
        frame = frames.topology(t, query);
      } catch (QueryException e) {
        // A regex too expensive for this version's texts: the client learns why it gets no frame
        // for this version, and keeps its filter (the next version may not trip it).
        send(Frames.error("query: " + e.getMessage()));
        return;
      }
      pendingTopology.accumulateAndGet(
          new PendingTopology(t.version(), frame), PendingTopology::newer);
      pump();
    }
  }

  /** Lets frames flow; until then they are only queued (see {@code WsFeed}'s connect). */
  void start() {
    started = true;
    pump();
  }

  /** Sends frames one at a time; a callback that completes inline continues the loop. */
  private void pump() {
    while (started && !closing.get() && inFlight.compareAndSet(false, true)) {
      ByteBuffer next = next();
      if (next == null) {
        inFlight.set(false);
        if (backlog.isEmpty() && pendingTopology.get() == null) {
          return;
        }
        continue;
      }
      pumping = Thread.currentThread();
      core.sendFrame(
          new Frame(OpCode.TEXT, next.slice()), Callback.from(this::sent, this::failed), false);
      pumping = null;
      if (inFlight.get()) {
        return; // completes later; the callback pumps on
      }
    }
  }

  private ByteBuffer next() {
    PendingTopology topology = pendingTopology.getAndSet(null);
    if (topology != null && topology.version() > sentTopologyVersion) {
      sentTopologyVersion = topology.version();
      return topology.frame();
    }
    ByteBuffer next = backlog.poll();
    if (next != null) {
      backlogSize.decrementAndGet();
      backlogBytes.addAndGet(-next.remaining());
    }
    return next;
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
    if (event.type() == EventType.TOPOLOGY_UPDATE) {
      // Encoding a large topology takes long enough (~0.3 s at 10,000 agents) to back up every
      // client's hub queue if done here; the encoder does it once and later clients reuse it.
      if (topologyToEncode.getAndSet(event) == null) {
        settings.encoder().execute(this::encodeTopology);
      }
    } else {
      send(event.encoded(frames::event));
    }
  }

  private void encodeTopology() {
    Event latest = topologyToEncode.getAndSet(null);
    if (latest != null && latest.payload() instanceof HubEvent.TopologyChanged t) {
      sendTopology(t.topology());
    }
  }

  @Override
  public void onClose(CloseReason reason) {
    if (reason == CloseReason.OVERFLOW) {
      settings.onOverflow().run();
      close(POLICY_VIOLATION, "event queue overflow: client is not keeping up");
    } else if (reason == CloseReason.HUB_CLOSED) {
      close(GOING_AWAY, "server shutting down");
    }
  }

  /** Closes the connection once, with {@code code} and {@code reason}. */
  void close(int code, String reason) {
    if (stopSending()) {
      session.close(code, reason, org.eclipse.jetty.websocket.api.Callback.NOOP);
    }
  }

  /**
   * Sends a close frame and drops the connection once it is written, without waiting for the peer's
   * reply: for a peer that has gone silent, whose reply would never come.
   *
   * @return false when the client was already closing
   */
  boolean abort(int code, String reason) {
    if (!stopSending()) {
      return false;
    }
    session.close(
        code,
        reason,
        org.eclipse.jetty.websocket.api.Callback.from(
            session::disconnect, failure -> session.disconnect()));
    return true;
  }

  private boolean stopSending() {
    if (!closing.compareAndSet(false, true)) {
      return false;
    }
    Subscription s = subscription;
    if (s != null) {
      s.close();
    }
    backlog.clear();
    pendingTopology.set(null);
    return true;
  }
}
