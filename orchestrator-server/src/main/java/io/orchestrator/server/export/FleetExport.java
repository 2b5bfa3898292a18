package io.orchestrator.server.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.series.SeriesPoint;
import io.orchestrator.server.json.WireJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Agents and an agent's series, as JSON, NDJSON and CSV, row by row. Stateless. */
public final class FleetExport {
  private FleetExport() {}

  /** {@code {"agents":[...],"count"}}, as {@code GET /api/v1/agents/list}. */
  public static void agentsJson(List<Agent> agents, OutputStream out) throws IOException {
    try (JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("agents");
      for (Agent a : agents) {
        agent(g, a);
      }
      g.writeEndArray();
      g.writeNumberField("count", agents.size());
      g.writeEndObject();
    }
  }

  /** One agent per line. */
  public static void agentsNdjson(List<Agent> agents, OutputStream out) throws IOException {
    try (JsonGenerator g = Rows.ndjson(out)) {
      for (Agent a : agents) {
        agent(g, a);
        g.writeRaw('\n');
      }
    }
  }

  /** {@code agent_id,hostname,status,registered_at,last_seen,last_report_at}. */
  public static void agentsCsv(List<Agent> agents, OutputStream out) throws IOException {
    try (SequenceWriter w =
        Rows.csv(
            out,
            List.of(
                "agent_id",
                "hostname",
                "status",
                "registered_at",
                "last_seen",
                "last_report_at"))) {
      for (Agent a : agents) {
        w.write(
            new Object[] {
              a.agentId(),
              a.hostname(),
              a.status().wireName(),
              String.valueOf(a.registeredAt()),
              String.valueOf(a.lastSeen()),
              a.lastReportAt() == null ? null : a.lastReportAt().toString()
            });
      }
    }
  }

  private static void agent(JsonGenerator g, Agent a) throws IOException {
    g.writeStartObject();
    g.writeStringField("agent_id", a.agentId());
    g.writeStringField("hostname", a.hostname());
    g.writeObjectField("metadata", a.metadata());
    g.writeObjectField("registered_at", a.registeredAt());
    g.writeObjectField("last_seen", a.lastSeen());
    g.writeStringField("status", a.status().wireName());
    g.writeObjectField("last_report_at", a.lastReportAt());
    g.writeEndObject();
  }

  /** One line per point {@code {"timestamp","metrics"}}. */
  public static void pointsNdjson(List<SeriesPoint> points, OutputStream out) throws IOException {
    try (JsonGenerator g = Rows.ndjson(out)) {
      for (SeriesPoint p : points) {
        g.writeObject(p);
        g.writeRaw('\n');
      }
    }
  }

  /** {@code timestamp,metric,value}, one row per point and metric. */
  public static void pointsCsv(List<SeriesPoint> points, OutputStream out) throws IOException {
    try (SequenceWriter w = Rows.csv(out, List.of("timestamp", "metric", "value"))) {
      for (SeriesPoint p : points) {
        for (Map.Entry<String, Double> m : p.metrics().entrySet()) {
          w.write(new Object[] {p.timestamp().toString(), m.getKey(), m.getValue()});
        }
      }
    }
  }
}
