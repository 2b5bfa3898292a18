package io.orchestrator.postgres;

import io.orchestrator.core.agent.Agent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one group commit's worth of writes in one transaction: registrations first, then the
 * starts and ends of reporting intervals, then the reports, then forgotten agents. Rows are written
 * in agent order, so two concurrent batches lock agents' rows in the same order and never deadlock.
 * Stateless.
 */
final class BatchWriter {
  private static final String UPSERT_AGENT =
      "INSERT INTO agents (agent_id, hostname, metadata_keys, metadata_values, registered_at,"
          + " last_seen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (agent_id) DO UPDATE SET"
          + " hostname = EXCLUDED.hostname, metadata_keys = EXCLUDED.metadata_keys,"
          + " metadata_values = EXCLUDED.metadata_values,"
          + " last_seen = GREATEST(agents.last_seen, EXCLUDED.last_seen)";
  private static final String CLOSE_INTERVAL =
      "UPDATE agent_activity SET ended_at = ? WHERE agent_id = ? AND ended_at IS NULL";
  private static final String OPEN_INTERVAL =
      "INSERT INTO agent_activity (agent_id, started_at) VALUES (?, ?) ON CONFLICT DO NOTHING";
  private static final String APPEND =
      "INSERT INTO report_log (agent_id, received_at, kept, body) VALUES (?, ?, ?, ?)";

  private BatchWriter() {}

  static void write(Connection c, List<Write> batch) throws SQLException {
    Map<String, Agent> agents = new TreeMap<>();
    Map<String, Write.Log> resumed = new TreeMap<>();
    for (Write w : batch) {
      if (w instanceof Write.Register r) {
        agents.put(r.agent.agentId(), r.agent);
      } else if (w instanceof Write.Log l) {
        if (l.agent != null) {
          agents.put(l.agentId, l.agent);
        }
        if (l.resumed) {
          resumed.putIfAbsent(l.agentId, l);
        }
      }
    }
    upsertAgents(c, agents);
    intervals(c, resumed);
    append(c, batch);
    forget(c, batch);
  }

  private static void upsertAgents(Connection c, Map<String, Agent> agents) throws SQLException {
    if (agents.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT_AGENT)) {
      for (Agent a : agents.values()) {
        Map<String, String> metadata = new TreeMap<>(a.metadata());
        ps.setString(1, a.agentId());
        ps.setString(2, a.hostname());
        ps.setArray(3, c.createArrayOf("text", metadata.keySet().toArray()));
        ps.setArray(4, c.createArrayOf("text", metadata.values().toArray()));
        ps.setObject(5, Sql.timestamp(a.registeredAt()));
        ps.setObject(6, Sql.timestamp(a.lastSeen()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void intervals(Connection c, Map<String, Write.Log> resumed) throws SQLException {
    if (resumed.isEmpty()) {
      return;
    }
    try (PreparedStatement close = c.prepareStatement(CLOSE_INTERVAL);
        PreparedStatement open = c.prepareStatement(OPEN_INTERVAL)) {
      for (Write.Log l : resumed.values()) {
        if (l.previousReport != null) {
          close.setObject(1, Sql.timestamp(l.previousReport));
          close.setString(2, l.agentId);
          close.addBatch();
        }
        open.setString(1, l.agentId);
        open.setObject(2, Sql.timestamp(l.receivedAt));
        open.addBatch();
      }
      close.executeBatch();
      open.executeBatch();
    }
  }

  private static void append(Connection c, List<Write> batch) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(APPEND)) {
      int n = 0;
      for (Write w : batch) {
        if (w instanceof Write.Log l) {
          ps.setString(1, l.agentId);
          ps.setObject(2, Sql.timestamp(l.receivedAt));
          ps.setBoolean(3, l.kept);
          ps.setBytes(4, l.body.storedForm());
          ps.addBatch();
          n++;
        }
      }
      if (n > 0) {
        ps.executeBatch();
      }
    }
  }

  private static void forget(Connection c, List<Write> batch) throws SQLException {
    for (Write w : batch) {
      if (w instanceof Write.Forget f) {
        for (String table : new String[] {"agents", "latest_reports"}) {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM " + table + " WHERE agent_id = ?")) {
            ps.setString(1, f.agentId);
            ps.executeUpdate();
          }
        }
      }
    }
  }
}
