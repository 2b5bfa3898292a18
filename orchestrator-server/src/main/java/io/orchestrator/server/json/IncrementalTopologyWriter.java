package io.orchestrator.server.json;

import io.orchestrator.core.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Serialises topology versions to exactly the bytes {@link WireJson#write} would produce, reusing
 * the previous version's bytes: for each {@link Topology#parts() part} (an agent's share) whose
 * maps the new version still holds, one span; within any other part, for every node and edge it
 * still holds (by identity: the core reuses an agent's node and edge objects until that agent's
 * report changes them). One report changes one agent's share of the graph, so a new version costs
 * copying bytes, not serialising 200,000 objects or even visiting them. The memory kept is the
 * previous output, which the caller keeps anyway, plus one position per part, node or edge written
 * anew.
 *
 * <p>Not thread-safe: {@link TopologyEncoding} calls it under its lock.
 */
final class IncrementalTopologyWriter {
  private static final byte[] NODES = bytes("{\"nodes\":{");
  private static final byte[] EDGES = bytes("},\"edges\":{");
  private static final byte[] TIMESTAMP = bytes("},\"timestamp\":");
  private static final byte[] VERSION = bytes(",\"version\":");
  private static final byte[] COMMA = {','};
  private static final byte[] END = {'}'};

  private byte[] previous = new byte[0];
  private IdentityHashMap<Object, Span> spans = new IdentityHashMap<>();

  /** Where one {@code "key":value} entry, or one part's entries (key null), sits in an output. */
  private record Span(String key, int start, int length) {}

  /**
   * {@code head}, {@code t} as JSON (the same bytes as {@code WireJson.write(t)}), {@code tail}.
   */
  byte[] write(Topology t, byte[] head, byte[] tail) {
    // First the pieces and their total length, then one copy into an array of exactly that size.
    List<Topology.Part> parts = t.parts();
    Pieces p = new Pieces(4 * parts.size() + 16);
    IdentityHashMap<Object, Span> next = new IdentityHashMap<>(2 * parts.size() + 16);
    p.add(head);
    p.add(NODES);
    parts(parts, Topology.Part::nodes, p, next);
    p.add(EDGES);
    parts(parts, Topology.Part::edges, p, next);
    p.add(TIMESTAMP);
    p.add(WireJson.write(t.timestamp()));
    p.add(VERSION);
    p.add(bytes(Long.toString(t.version())));
    p.add(END);
    p.add(tail);
    byte[] out = p.join(previous);
    previous = out;
    spans = next;
    return out;
  }

  /** Each non-empty part's entries, comma-separated; a part the last output held, as one span. */
  private void parts(
      List<Topology.Part> parts,
      Function<Topology.Part, Map<String, ?>> side,
      Pieces p,
      IdentityHashMap<Object, Span> next) {
    boolean first = true;
    for (Topology.Part part : parts) {
      Map<String, ?> map = side.apply(part);
      if (map.isEmpty()) {
        continue;
      }
      if (!first) {
        p.add(COMMA);
      }
      first = false;
      int start = p.length;
      Span old = spans.get(map);
      if (old != null && old.key == null) {
        p.add(old);
      } else {
        entries(map, p, next);
      }
      next.put(map, new Span(null, start, p.length - start));
    }
  }

  private void entries(Map<String, ?> map, Pieces p, IdentityHashMap<Object, Span> next) {
    boolean first = true;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (!first) {
        p.add(COMMA);
      }
      first = false;
      String key = e.getKey();
      int start = p.length;
      Span old = spans.get(e.getValue());
      if (old != null && key.equals(old.key)) {
        p.add(old);
      } else {
        p.add(key(key));
        p.add(WireJson.write(e.getValue()));
      }
      next.put(e.getValue(), new Span(key, start, p.length - start));
    }
  }

  /** {@code "key":} as Jackson writes it: plain ASCII as is, anything else through Jackson. */
  private static byte[] key(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        byte[] quoted = WireJson.write(key); // bytes, not a string: Jackson escapes differently
        byte[] withColon = Arrays.copyOf(quoted, quoted.length + 1);
        withColon[quoted.length] = ':';
        return withColon;
      }
    }
    return bytes("\"" + key + "\":");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Fresh byte arrays and spans of the previous output, in order. */
  private static final class Pieces {
    private final List<Object> parts;
    private int length;

    Pieces(int expected) {
      parts = new ArrayList<>(expected);
    }

    void add(byte[] b) {
      parts.add(b);
      length += b.length;
    }

    void add(Span s) {
      parts.add(s);
      length += s.length;
    }

    byte[] join(byte[] previous) {
      byte[] out = new byte[length];
      int at = 0;
      for (Object part : parts) {
        if (part instanceof Span s) {
          System.arraycopy(previous, s.start, out, at, s.length);
          at += s.length;
        } else {
          byte[] b = (byte[]) part;
          System.arraycopy(b, 0, out, at, b.length);
          at += b.length;
        }
      }
      return out;
    }
  }
}
