package io.orchestrator.server.json;

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

  private volatile Entry entry;
  private final IncrementalTopologyWriter writer =
      new IncrementalTopologyWriter(); // guarded by this

  /** The body of {@code GET /api/v1/query/topology}. */
  public byte[] responseBody(Topology t) {
    return body(entry(t), t);
  }

  private static byte[] body(Entry e, Topology t) {
    byte[] body = e.body;
    if (body == null) {
      byte[] tail =
          (",\"timestamp\":\"" + t.timestamp() + "\",\"version\":" + t.version() + "}")
              .getBytes(StandardCharsets.UTF_8);
      body = concat("{\"topology\":".getBytes(StandardCharsets.UTF_8), e.json, tail);
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
    Entry e = entry(t);
    ByteBuffer frame = e.frame;
    if (frame == null) {
      frame = ByteBuffer.wrap(concat(FRAME_HEAD, e.json, FRAME_TAIL)).asReadOnlyBuffer();
      e.frame = frame;
    }
    return frame;
  }

  private Entry entry(Topology t) {
    Entry e = entry;
    if (e != null && e.version == t.version()) {
      return e;
    }
    synchronized (this) {
      e = entry;
      if (e == null || e.version != t.version()) {
        e = new Entry(t.version(), writer.write(t));
        entry = e;
      }
      return e;
    }
  }

  private static byte[] gzip(byte[] bytes) {
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

  private static byte[] concat(byte[] head, byte[] middle, byte[] tail) {
    byte[] out = new byte[head.length + middle.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(middle, 0, out, head.length, middle.length);
    System.arraycopy(tail, 0, out, head.length + middle.length, tail.length);
    return out;
  }

  /**
   * One version's encodings; the wrapped forms are derived on first use (a race only repeats a
   * copy, never the serialisation).
   */
  private static final class Entry {
    final long version;
    final byte[] json;
    volatile byte[] body;
    volatile byte[] gzipped;
    volatile ByteBuffer frame;

    Entry(long version, byte[] json) {
      this.version = version;
      this.json = json;
    }
  }
}
