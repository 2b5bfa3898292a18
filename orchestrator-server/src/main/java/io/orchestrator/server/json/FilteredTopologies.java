package io.orchestrator.server.json;

import io.orchestrator.core.query.Query;
import io.orchestrator.core.query.TopologyQueries;
import io.orchestrator.core.topology.Topology;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filtered topologies (DESIGN §9.2) encoded once per version and query, however many REST clients
 * or WebSocket subscribers ask for the same one: the last {@value #CAPACITY} distinct queries keep
 * their latest version's bytes. Thread-safe.
 */
public final class FilteredTopologies {
  private static final int CAPACITY = 256;

  private final TopologyQueries queries;
  private final Map<String, Slot> byQuery =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
          return size() > CAPACITY;
        }
      };

  /** One query's latest encoding; its lock makes concurrent askers wait for one encoding. */
  private static final class Slot {
    private Encoded latest; // guarded by this
  }

  /** Filters with {@code queries} (whose node order is shared with search). */
  public FilteredTopologies(TopologyQueries queries) {
    this.queries = queries;
  }

  /** The filtering and search behind it. */
  public TopologyQueries queries() {
    return queries;
  }

  /** One version of one query's topology, as the REST body and the WebSocket frame. */
  public static final class Encoded {
    private final long version;
    private final byte[] json;
    private volatile byte[] body;
    private volatile byte[] gzipped;
    private volatile ByteBuffer frame;

    Encoded(long version, byte[] json) {
      this.version = version;
      this.json = json;
    }

    /** The version it was filtered from. */
    public long version() {
      return version;
    }

    /** {@code {"topology":...,"timestamp","version"}}, as {@code GET /api/v1/query/topology}. */
    public byte[] body(Topology t) {
      byte[] b = body;
      if (b == null) {
        b =
            concat(
                "{\"topology\":",
                json,
                ",\"timestamp\":"
                    + new String(WireJson.write(t.timestamp()), StandardCharsets.UTF_8)
                    + ",\"version\":"
                    + t.version()
                    + "}");
        body = b;
      }
      return b;
    }

    /** {@link #body} gzip-compressed. */
    public byte[] gzipped(Topology t) {
      byte[] g = gzipped;
      if (g == null) {
        g = TopologyEncoding.gzip(body(t));
        gzipped = g;
      }
      return g;
    }

    /** The {@code topology_update} frame, read-only and shared (each sender slices it). */
    public ByteBuffer frame() {
      ByteBuffer f = frame;
      if (f == null) {
        f =
            ByteBuffer.wrap(concat("{\"type\":\"topology_update\",\"payload\":", json, "}"))
                .asReadOnlyBuffer();
        frame = f;
      }
      return f;
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
      byte[] h = head.getBytes(StandardCharsets.UTF_8);
      byte[] t = tail.getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[h.length + middle.length + t.length];
      System.arraycopy(h, 0, out, 0, h.length);
      System.arraycopy(middle, 0, out, h.length, middle.length);
      System.arraycopy(t, 0, out, h.length + middle.length, t.length);
      return out;
    }
  }

  /** {@code t} filtered by {@code q}, encoded (once per version and query). */
  public Encoded get(Topology t, Query q) {
    Slot slot;
    synchronized (byQuery) {
      slot = byQuery.computeIfAbsent(q.text(), k -> new Slot());
    }
    synchronized (slot) {
      Encoded e = slot.latest;
      if (e != null && e.version == t.version()) {
        return e;
      }
      Encoded fresh = new Encoded(t.version(), WireJson.write(queries.filter(t, q)));
      if (e == null || e.version < fresh.version) {
        slot.latest = fresh;
      }
      return fresh;
    }
  }
}
