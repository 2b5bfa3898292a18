package io.orchestrator.server.json;

import io.orchestrator.core.query.TopologyQueries;
import io.orchestrator.core.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The topology serialised once per version, as UTF-8, and shared by every transport: the REST
 * response body and the WebSocket {@code topology_update} frame both wrap the same JSON, so a
 * version is encoded once however many clients read or receive it (at 1,000 agents that is ~40 MB
 * of JSON, at 10,000 small agents ~30 MB). Keeping bytes rather than a string also spares each
 * WebSocket client its own UTF-8 encoding and copy of the frame.
 *
 * <p>Thread-safe. Snapshots of one version are one immutable instance, so the version identifies
 * the content.
 */
public final class TopologyEncoding {
  private static final byte[] FRAME_HEAD =
      "{\"type\":\"topology_update\",\"payload\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] FRAME_TAIL = {'}'};

  private final FilteredTopologies filtered = new FilteredTopologies(new TopologyQueries());
  private volatile Entry entry;
  private final IncrementalTopologyWriter writer =
      new IncrementalTopologyWriter(); // guarded by this

  /** Filtered topologies, encoded once per version and query. */
  public FilteredTopologies filtered() {
    return filtered;
  }

  /** The body of {@code GET /api/v1/query/topology}. */
  public byte[] responseBody(Topology t) {
    return body(entry(t), t);
  }

  private static byte[] body(Entry e, Topology t) {
    byte[] body = e.body;
    if (body == null) {
      byte[] head = "{\"topology\":".getBytes(StandardCharsets.UTF_8);
      byte[] tail =
          (",\"timestamp\":\"" + t.timestamp() + "\",\"version\":" + t.version() + "}")
              .getBytes(StandardCharsets.UTF_8);
      int jsonLength = e.frame.length - FRAME_HEAD.length - FRAME_TAIL.length;
      body = new byte[head.length + jsonLength + tail.length];
      System.arraycopy(head, 0, body, 0, head.length);
      System.arraycopy(e.frame, FRAME_HEAD.length, body, head.length, jsonLength);
      System.arraycopy(tail, 0, body, head.length + jsonLength, tail.length);
      e.body = body;
    }
    return body;
  }

  /**
   * {@link #responseBody} gzip-compressed, also once per version: compressing the 42 MB body of
   * 1,000 agents on every request costs ~0.4 s of CPU, and browsers always ask for gzip. Level 1
   * (fastest), since a busy fleet makes a new version often; it still shrinks the JSON ~7×.
   */
  public byte[] gzippedBody(Topology t) {
    Entry e = entry(t);
    byte[] gzipped = e.gzipped;
    if (gzipped == null) {
      gzipped = gzip(body(e, t));
      e.gzipped = gzipped;
    }
    return gzipped;
  }

  /**
   * The WebSocket frame {@code {"type":"topology_update","payload":<topology>}} as UTF-8; a
   * read-only view of bytes shared by every client, which each sender must {@code slice()}.
   */
  public ByteBuffer frame(Topology t) {
    return entry(t).frameView;
  }

  private Entry entry(Topology t) {
    Entry e = entry;
    if (e != null && e.version == t.version()) {
      return e;
    }
    synchronized (this) {
      e = entry;
      if (e == null || e.version != t.version()) {
        e = new Entry(t.version(), writer.write(t, FRAME_HEAD, FRAME_TAIL));
        entry = e;
      }
      return e;
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 6 + 64);
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out, 64 * 1024) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        }) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  /**
   * One version's encodings. The frame is written first, since every push needs it, and the
   * topology JSON inside it is not kept twice; the REST forms are derived on first use (a race only
   * repeats a copy, never the serialisation).
   */
  private static final class Entry {
    final long version;
    final byte[] frame;
    final ByteBuffer frameView;
    volatile byte[] body;
    volatile byte[] gzipped;

    Entry(long version, byte[] frame) {
      this.version = version;
      this.frame = frame;
      this.frameView = ByteBuffer.wrap(frame).asReadOnlyBuffer();
    }
  }
}
