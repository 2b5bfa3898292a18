package io.orchestrator.loadgen;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A load-test WebSocket client: counts frames and records each {@code report_update}'s lag (now
 * minus the report's own timestamp, which the generator set just before sending). It does not parse
 * whole frames, only finds the report's timestamp, so it keeps up with large reports. Thread-safe.
 */
final class FeedWatcher extends WebSocketClient {
  private static final String MARKER = "\"report\":{";
  private static final String TIMESTAMP = "\"timestamp\":\"";

  private final Recorder lagMicros;
  private final AtomicLong frames;
  private final String subscribe;

  /** Watches {@code uri}; {@code subscribe}, if not null, is sent as soon as it opens. */
  FeedWatcher(URI uri, Recorder lagMicros, AtomicLong frames, String subscribe) {
    super(uri);
    this.subscribe = subscribe;
    this.lagMicros = lagMicros;
    this.frames = frames;
  }

  boolean open() throws InterruptedException {
    return connectBlocking(10, TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(ServerHandshake handshake) {
    if (subscribe != null) {
      send(subscribe);
    }
  }

  @Override
  public void onMessage(String message) {
    frames.incrementAndGet();
    int report = message.indexOf(MARKER);
    if (report < 0) {
      return;
    }
    int ts = message.indexOf(TIMESTAMP, report);
    int end = ts < 0 ? -1 : message.indexOf('"', ts + TIMESTAMP.length());
    if (end > 0) {
      OffsetDateTime sent = OffsetDateTime.parse(message.substring(ts + TIMESTAMP.length(), end));
      long lag = (System.currentTimeMillis() - sent.toInstant().toEpochMilli()) * 1_000;
      lagMicros.recordValue(Math.max(0, Math.min(lag, 3_600_000_000L)));
    }
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {}

  @Override
  public void onError(Exception ex) {}
}
