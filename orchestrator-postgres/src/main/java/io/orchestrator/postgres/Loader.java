package io.orchestrator.postgres;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.report.ReportCodec;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a storage opens with: every agent, and each one's latest report (from the last compaction,
 * or newer in the log). An agent's last contact is its registration's or its latest report's,
 * whichever is later (heartbeats are not stored). Stateless.
 */
final class Loader {
  private static final String AGENTS =
      "SELECT agent_id, hostname, metadata_keys, metadata_values, registered_at, last_seen"
          + " FROM agents";
  private static final String LATEST = "SELECT agent_id, received_at, body FROM latest_reports";
  private static final String NEWEST_LOGGED =
      "SELECT DISTINCT ON (agent_id) agent_id, received_at, body FROM report_log"
          + " ORDER BY agent_id, received_at DESC, id DESC";

  private static final String LATEST_TIMES =
      "SELECT agent_id, received_at FROM latest_reports UNION ALL"
          + " SELECT agent_id, max(received_at) FROM report_log GROUP BY agent_id";

  private Loader() {}

  /** Each agent's latest report's receive time, without reading the reports. */
  static Map<String, Instant> latestTimes(Connection c) throws SQLException {
    Map<String, Instant> times = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(LATEST_TIMES);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        times.merge(rs.getString(1), Sql.instant(rs, "received_at"), Loader::later);
      }
    }
    return times;
  }

  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }

  /** Latest reports by agent. */
  static Map<String, ReceivedReport> latest(Connection c, ReportCodec codec) throws SQLException {
    Map<String, ReceivedReport> latest = new HashMap<>();
    for (String sql : new String[] {LATEST, NEWEST_LOGGED}) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(100);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ReportBody body = ReportBody.ofStoredForm(rs.getBytes("body")).compact();
            Instant at = Sql.instant(rs, "received_at");
            ReceivedReport r = new ReceivedReport(codec.decode(body), at, body);
            latest.merge(r.agentId(), r, (a, b) -> b.receivedAt().isBefore(a.receivedAt()) ? a : b);
          }
        }
      }
    }
    return latest;
  }

  /** Agents by id, with their last contact and last report from {@code latestTimes}. */
  static Map<String, Agent> agents(Connection c, Map<String, Instant> latestTimes)
      throws SQLException {
    Map<String, Agent> agents = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(AGENTS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString("agent_id");
        Instant lastSeen = Sql.instant(rs, "last_seen");
        Instant lastReport = latestTimes.get(id);
        if (lastReport != null && lastReport.isAfter(lastSeen)) {
          lastSeen = lastReport;
        }
        agents.put(
            id,
            new Agent(
                id,
                rs.getString("hostname"),
                metadata(rs.getArray("metadata_keys"), rs.getArray("metadata_values")),
                Sql.instant(rs, "registered_at"),
                lastSeen,
                lastReport,
                AgentStatus.ACTIVE));
      }
    }
    return agents;
  }

  private static Map<String, String> metadata(Array keys, Array values) throws SQLException {
    String[] k = (String[]) keys.getArray();
    String[] v = (String[]) values.getArray();
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < k.length && i < v.length; i++) {
      m.put(k[i], v[i]);
    }
    return m;
  }
}
