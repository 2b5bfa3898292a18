package io.orchestrator.postgres;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.report.ReportCodec;
import io.orchestrator.core.storage.HistoryWindow;
import io.orchestrator.core.storage.ReportStore;
import io.orchestrator.core.storage.StorageUnavailableException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latest reports from memory (loaded at open, kept current by every accepted report), history from
 * the database: kept reports are in {@code report_history} once compacted and still flagged in
 * {@code report_log} before. Thread-safe.
 */
final class PostgresReports implements ReportStore {
  private static final String KEPT =
      "SELECT received_at, body FROM report_history WHERE agent_id = ? AND received_at <= ?"
          + " UNION ALL SELECT received_at, body FROM report_log"
          + " WHERE agent_id = ? AND kept AND received_at <= ?"
          + " ORDER BY received_at DESC LIMIT 1";
  private static final String ACTIVE =
      "SELECT agent_id, ended_at FROM agent_activity WHERE started_at <= ?"
          + " AND (ended_at IS NULL OR ended_at >= ?)";
  private static final String ALL_KEPT =
      "SELECT DISTINCT ON (agent_id) agent_id, received_at FROM ("
          + " SELECT agent_id, received_at FROM report_history WHERE received_at <= ?"
          + " UNION ALL SELECT agent_id, received_at FROM report_log"
          + " WHERE kept AND received_at <= ?) k ORDER BY agent_id, received_at DESC";
  private static final String BODIES =
      "SELECT agent_id, received_at, body FROM report_history"
          + " WHERE (agent_id, received_at) IN (SELECT * FROM unnest(?::text[], ?::timestamptz[]))"
          + " UNION ALL SELECT agent_id, received_at, body FROM report_log"
          + " WHERE kept AND (agent_id, received_at) IN"
          + " (SELECT * FROM unnest(?::text[], ?::timestamptz[]))";

  private final Database db;
  private final Clock clock;
  private final Duration retention;
  private final Duration stale;
  private final ReportCodec codec;
  private final DecodedReports decoded = new DecodedReports(2_048);
  final ConcurrentHashMap<String, ReceivedReport> latest = new ConcurrentHashMap<>();

  PostgresReports(Database db, Clock clock, Duration retention, Duration stale, ReportCodec codec) {
    this.db = db;
    this.clock = clock;
    this.retention = retention;
    this.stale = stale;
    this.codec = codec;
  }

  @Override
  public Optional<ReceivedReport> latest(String agentId) {
    return Optional.ofNullable(latest.get(agentId));
  }

  @Override
  public Map<String, ReceivedReport> latest() {
    return Map.copyOf(latest);
  }

  @Override
  public Optional<ReceivedReport> at(String agentId, Instant at) {
    check(at);
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(KEPT)) {
      ps.setString(1, agentId);
      ps.setObject(2, Sql.timestamp(at));
      ps.setString(3, agentId);
      ps.setObject(4, Sql.timestamp(at));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(received(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /**
   * Which report stood for each active agent is one index scan; the reports themselves come from a
   * cache of decoded ones, and only those missing are read and decoded: successive instants share
   * almost all of them.
   */
  @Override
  public Map<String, ReceivedReport> activeAt(Instant at) {
    check(at);
    Map<String, ReceivedReport> out = new TreeMap<>();
    try (Connection c = db.connection()) {
      Set<String> active = active(c, at);
      Map<String, Instant> stood = new TreeMap<>();
      try (PreparedStatement ps = c.prepareStatement(ALL_KEPT)) {
        ps.setObject(1, Sql.timestamp(at));
        ps.setObject(2, Sql.timestamp(at));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString("agent_id");
            if (active.contains(id)) {
              stood.put(id, Sql.instant(rs, "received_at"));
            }
          }
        }
      }
      Map<String, Instant> missing = new TreeMap<>();
      stood.forEach(
          (id, when) -> {
            ReceivedReport r = decoded.get(id, when);
            if (r == null) {
              missing.put(id, when);
            } else {
              out.put(id, r);
            }
          });
      if (!missing.isEmpty()) {
        read(c, missing, out);
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
    return out;
  }

  private void read(Connection c, Map<String, Instant> missing, Map<String, ReceivedReport> out)
      throws SQLException {
    Array ids = c.createArrayOf("text", missing.keySet().toArray());
    Array times =
        c.createArrayOf("timestamptz", missing.values().stream().map(Sql::timestamp).toArray());
    try (PreparedStatement ps = c.prepareStatement(BODIES)) {
      ps.setArray(1, ids);
      ps.setArray(2, times);
      ps.setArray(3, ids);
      ps.setArray(4, times);
      ps.setFetchSize(100);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ReceivedReport r = received(rs);
          decoded.put(r);
          out.put(r.agentId(), r);
        }
      }
    }
  }

  /**
   * Agents whose reporting interval covers {@code at}, the open one ending at the latest report.
   */
  private Set<String> active(Connection c, Instant at) throws SQLException {
    Set<String> active = new HashSet<>();
    Instant since = at.minus(stale);
    try (PreparedStatement ps = c.prepareStatement(ACTIVE)) {
      ps.setObject(1, Sql.timestamp(at));
      ps.setObject(2, Sql.timestamp(since));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString("agent_id");
          Instant ended = Sql.instant(rs, "ended_at");
          if (ended == null) {
            ReceivedReport last = latest.get(id);
            ended = last == null ? at : last.receivedAt();
          }
          if (!ended.isBefore(since)) {
            active.add(id);
          }
        }
      }
    }
    return active;
  }

  private ReceivedReport received(ResultSet rs) throws SQLException {
    ReportBody body = ReportBody.ofStoredForm(rs.getBytes("body"));
    return new ReceivedReport(codec.decode(body), Sql.instant(rs, "received_at"), body);
  }

  @Override
  public Instant historyStart() {
    return clock.instant().minus(retention);
  }

  private void check(Instant at) {
    HistoryWindow.check(at, historyStart(), clock.instant());
  }

  private StorageUnavailableException unavailable(SQLException e) {
    db.failed(e);
    return new StorageUnavailableException(Database.describe(e), e);
  }
}
