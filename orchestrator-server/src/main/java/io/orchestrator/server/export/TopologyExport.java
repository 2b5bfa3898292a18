package io.orchestrator.server.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import io.orchestrator.core.query.NodeSubject;
import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.EdgeType;
import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.server.json.WireJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A topology written out node by node and edge by edge, so the memory it takes does not grow with
 * the fleet: JSON (the body of {@code GET /api/v1/query/topology}), NDJSON, CSV and GraphML.
 * Stateless.
 */
public final class TopologyExport {
  static final List<String> NODE_COLUMNS =
      List.of(
          "id",
          "type",
          "name",
          "parent_id",
          "agent_id",
          "image",
          "state",
          "cpu_usage",
          "memory_usage",
          "pid",
          "cmdline",
          "labels");
  static final List<String> EDGE_COLUMNS =
      List.of("source", "target", "type", "protocol", "connections");

  private TopologyExport() {}

  /** {@code {"topology":{nodes,edges,timestamp,version},"timestamp","version"}}. */
  public static void json(Topology t, OutputStream out) throws IOException {
    try (JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("topology");
      g.writeStartObject();
      g.writeObjectFieldStart("nodes");
      for (Node n : t.nodes().values()) {
        g.writeObjectField(n.id(), n);
      }
      g.writeEndObject();
      g.writeObjectFieldStart("edges");
      for (Map.Entry<String, Edge> e : t.edges().entrySet()) {
        g.writeObjectField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeObjectField("timestamp", t.timestamp());
      g.writeNumberField("version", t.version());
      g.writeEndObject();
      g.writeObjectField("timestamp", t.timestamp());
      g.writeNumberField("version", t.version());
      g.writeEndObject();
    }
  }

  /** One line per node {@code {"kind":"node",...}}, then per edge {@code {"kind":"edge",...}}. */
  public static void ndjson(Topology t, boolean nodes, boolean edges, OutputStream out)
      throws IOException {
    try (JsonGenerator g = Rows.ndjson(out)) {
      if (nodes) {
        for (Node n : t.nodes().values()) {
          g.writeStartObject();
          g.writeStringField("kind", "node");
          g.writeStringField("id", n.id());
          g.writeStringField("type", n.type().wireName());
          g.writeStringField("name", n.name());
          if (n.parentId() != null) {
            g.writeStringField("parent_id", n.parentId());
          }
          g.writeObjectField("metadata", n.metadata());
          g.writeEndObject();
          g.writeRaw('\n');
        }
      }
      if (edges) {
        for (Edge e : t.edges().values()) {
          g.writeStartObject();
          g.writeStringField("kind", "edge");
          g.writeStringField("source", e.source());
          g.writeStringField("target", e.target());
          g.writeStringField("type", e.type().wireName());
          if (e.type() == EdgeType.NETWORK) {
            g.writeStringField("protocol", e.protocol());
            g.writeNumberField("connections", e.connections());
          }
          g.writeEndObject();
          g.writeRaw('\n');
        }
      }
    }
  }

  /** RFC 4180 CSV with a header row: the nodes, or the edges. */
  public static void csv(Topology t, boolean edges, OutputStream out) throws IOException {
    List<String> columns = edges ? EDGE_COLUMNS : NODE_COLUMNS;
    try (SequenceWriter w = Rows.csv(out, columns)) {
      if (edges) {
        for (Edge e : t.edges().values()) {
          w.write(
              new Object[] {
                e.source(),
                e.target(),
                e.type().wireName(),
                e.protocol(),
                e.type() == EdgeType.NETWORK ? e.connections() : null
              });
        }
      } else {
        for (Node n : t.nodes().values()) {
          w.write(nodeRow(n, t));
        }
      }
    }
  }

  private static Object[] nodeRow(Node n, Topology t) {
    Map<String, Object> m = n.metadata();
    List<String> agent = NodeSubject.of(n, t).field("agent");
    return new Object[] {
      n.id(),
      n.type().wireName(),
      n.name(),
      n.parentId(),
      agent.isEmpty() ? null : agent.get(0),
      m.get("image"),
      m.get("state"),
      m.get("cpu_usage"),
      m.get("memory_usage"),
      m.get("pid"),
      m.get("cmdline"),
      labels(m.get("labels"))
    };
  }

  private static String labels(Object labels) {
    if (!(labels instanceof Map<?, ?> map) || map.isEmpty()) {
      return null;
    }
    StringJoiner j = new StringJoiner(";");
    new ArrayList<>(map.entrySet()).forEach(e -> j.add(e.getKey() + "=" + e.getValue()));
    return j.toString();
  }
}
