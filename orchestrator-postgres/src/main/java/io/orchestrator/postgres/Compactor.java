package io.orchestrator.postgres;

import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.report.ReportCodec;
import io.orchestrator.core.series.Metrics;
import io.orchestrator.core.series.TimeSeriesStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds closed periods ({@value #PERIOD_BUCKETS} buckets, 15 minutes) of the report log, in one
 * transaction: each agent's samples become one Gorilla-encoded block per period, kept reports move
 * to {@code report_history}, the newest report becomes {@code latest_reports}, and the folded rows
 * are deleted. Then drops what is older than the history retention. Not thread-safe; one runs at a
 * time.
 */
final class Compactor {
  static final int PERIOD_BUCKETS = 60;
  private static final long BUCKET_MILLIS = TimeSeriesStore.RESOLUTION.toMillis();
  private static final int FLUSH_EVERY = 200;

  /** The advisory lock that keeps two replicas from folding the same rows at once. */
  private static final long COMPACTION_LOCK = 0x4f52434801L;

  private static final String READ =
      "SELECT id, agent_id, received_at, kept, body FROM report_log WHERE received_at < ?"
          + " ORDER BY agent_id, received_at, id";
  private static final String BLOCK =
      "INSERT INTO series_blocks (agent_id, first_bucket, last_bucket, data) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (agent_id, first_bucket) DO NOTHING";
  private static final String HISTORY =
      "INSERT INTO report_history (agent_id, received_at, body) VALUES (?, ?, ?)"
          + " ON CONFLICT DO NOTHING";
  private static final String LATEST =
      "INSERT INTO latest_reports (agent_id, received_at, body) VALUES (?, ?, ?)"
          + " ON CONFLICT (agent_id) DO UPDATE SET received_at = EXCLUDED.received_at,"
          + " body = EXCLUDED.body WHERE latest_reports.received_at <= EXCLUDED.received_at";
  private static final String DELETE = "DELETE FROM report_log WHERE received_at < ? AND id <= ?";

  private final Database db;
  private final Clock clock;
  private final ReportCodec codec;
  private final Duration retention;
  private final Duration stale;

  Compactor(Database db, Clock clock, ReportCodec codec, Duration retention, Duration stale) {
    this.db = db;
    this.clock = clock;
    this.codec = codec;
    this.retention = retention;
    this.stale = stale;
  }

  /** Folds every closed period; returns the log rows folded. */
  int compact() throws SQLException {
    long bucket = Math.floorDiv(clock.millis(), BUCKET_MILLIS);
    Instant boundary =
        Instant.ofEpochMilli(
            Math.floorDiv(bucket, PERIOD_BUCKETS) * PERIOD_BUCKETS * BUCKET_MILLIS);
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      if (!exclusive(c)) {
        c.rollback();
        return 0; // another replica is compacting the shared log right now
      }
      try (PreparedStatement read = c.prepareStatement(READ);
          PreparedStatement blocks = c.prepareStatement(BLOCK);
          PreparedStatement history = c.prepareStatement(HISTORY);
          PreparedStatement latest = c.prepareStatement(LATEST);
          PreparedStatement delete = c.prepareStatement(DELETE)) {
        read.setObject(1, Sql.timestamp(boundary));
        read.setFetchSize(100);
        Fold fold = new Fold(blocks, history, latest);
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            fold.row(rs);
          }
        }
        fold.finish();
        delete.setObject(1, Sql.timestamp(boundary));
        delete.setLong(2, fold.maxId);
        delete.executeUpdate();
        c.commit();
        return fold.rows;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Takes the compaction lock for this transaction, if no other replica holds it. */
  private static boolean exclusive(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
      ps.setLong(1, COMPACTION_LOCK);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** Drops history and series older than the retention (keeping the report that stood then). */
  void retain() throws SQLException {
    Instant cutoff = clock.instant().minus(retention);
    long cutoffBucket = Math.floorDiv(cutoff.toEpochMilli(), BUCKET_MILLIS);
    try (Connection c = db.connection()) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM series_blocks WHERE last_bucket < ?")) {
        ps.setLong(1, cutoffBucket);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM report_history h WHERE received_at < ? AND EXISTS (SELECT 1 FROM"
                  + " report_history n WHERE n.agent_id = h.agent_id"
                  + " AND n.received_at > h.received_at AND n.received_at <= ?)")) {
        ps.setObject(1, Sql.timestamp(cutoff));
        ps.setObject(2, Sql.timestamp(cutoff));
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM agent_activity WHERE ended_at < ?")) {
        ps.setObject(1, Sql.timestamp(cutoff.minus(stale)));
        ps.executeUpdate();
      }
    }
  }

  /** The fold of one read, agent by agent (rows come ordered by agent, then time). */
  private final class Fold {
    private final PreparedStatement blocks;
    private final PreparedStatement history;
    private final PreparedStatement latest;
    private final Map<Long, PeriodBlock.Encoder> periods = new TreeMap<>();
    private String agent;
    private Instant newestAt;
    private byte[] newestBody;
    private long maxId = Long.MIN_VALUE;
    private int rows;
    private int pending;

    Fold(PreparedStatement blocks, PreparedStatement history, PreparedStatement latest) {
      this.blocks = blocks;
      this.history = history;
      this.latest = latest;
    }

    void row(ResultSet rs) throws SQLException {
      String id = rs.getString("agent_id");
      if (!id.equals(agent)) {
        finishAgent();
        agent = id;
      }
      maxId = Math.max(maxId, rs.getLong("id"));
      rows++;
      Instant at = Sql.instant(rs, "received_at");
      byte[] body = rs.getBytes("body");
      long bucket = Math.floorDiv(at.toEpochMilli(), BUCKET_MILLIS);
      periods
          .computeIfAbsent(Math.floorDiv(bucket, PERIOD_BUCKETS), k -> new PeriodBlock.Encoder())
          .add(bucket, Metrics.of(codec.decode(ReportBody.ofStoredForm(body))));
      if (rs.getBoolean("kept")) {
        history.setString(1, id);
        history.setObject(2, Sql.timestamp(at));
        history.setBytes(3, body);
        history.addBatch();
        pending++;
      }
      newestAt = at;
      newestBody = body;
    }

    private void finishAgent() throws SQLException {
      if (agent == null) {
        return;
      }
      for (PeriodBlock.Encoder e : periods.values()) {
        if (!e.isEmpty()) {
          blocks.setString(1, agent);
          blocks.setLong(2, e.firstBucket());
          blocks.setLong(3, e.lastBucket());
          blocks.setBytes(4, e.toBytes());
          blocks.addBatch();
          pending++;
        }
      }
      periods.clear();
      latest.setString(1, agent);
      latest.setObject(2, Sql.timestamp(newestAt));
      latest.setBytes(3, newestBody);
      latest.addBatch();
      if (++pending >= FLUSH_EVERY) {
        flush();
      }
    }

    void finish() throws SQLException {
      finishAgent();
      flush();
    }

    private void flush() throws SQLException {
      blocks.executeBatch();
      history.executeBatch();
      latest.executeBatch();
      pending = 0;
    }
  }
}
