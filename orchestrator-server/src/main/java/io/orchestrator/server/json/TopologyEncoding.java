package io.orchestrator.server.json;

import io.orchestrator.core.topology.Topology;
import java.nio.charset.StandardCharsets;

/**
 * The topology serialised once per version and shared by every transport: the REST response body
 * and the WebSocket {@code topology_update} frame both wrap the same JSON, so a version is encoded
 * once however many clients read or receive it (at 1,000 agents that is ~40 MB of JSON).
 *
 * <p>Thread-safe. Snapshots of one version are one immutable instance, so the version identifies
 * the content.
 */
public final class TopologyEncoding {
  private volatile Entry entry;

  /** The bare topology ({@code {nodes, edges, timestamp, version}}). */
  public String json(Topology t) {
    return entry(t).json;
  }

  /** The body of {@code GET /api/v1/query/topology}. */
  public byte[] responseBody(Topology t) {
    Entry e = entry(t);
    byte[] body = e.body;
    if (body == null) {
      body =
          ("{\"topology\":"
                  + e.json
                  + ",\"timestamp\":\""
                  + t.timestamp()
                  + "\",\"version\":"
                  + t.version()
                  + "}")
              .getBytes(StandardCharsets.UTF_8);
      e.body = body;
    }
    return body;
  }

  /** The WebSocket frame {@code {"type":"topology_update","payload":<topology>}}. */
  public String frame(Topology t) {
    Entry e = entry(t);
    String frame = e.frame;
    if (frame == null) {
      frame = "{\"type\":\"topology_update\",\"payload\":" + e.json + "}";
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
        e = new Entry(t.version(), WireJson.writeString(t));
        entry = e;
      }
      return e;
    }
  }

  /**
   * One version's encodings; the wrapped forms are derived on first use (a race only repeats a
   * string concatenation, never the serialisation).
   */
  private static final class Entry {
    final long version;
    final String json;
    volatile byte[] body;
    volatile String frame;

    Entry(long version, String json) {
      this.version = version;
      this.json = json;
    }
  }
}
