package io.orchestrator.postgres;

import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.report.ReportCodec;
import io.orchestrator.core.series.InMemoryTimeSeriesStore;
import io.orchestrator.core.series.MetricSample;
import io.orchestrator.core.series.Metrics;
import io.orchestrator.core.series.SeriesPoint;
import io.orchestrator.core.series.SeriesQuery;
import io.orchestrator.core.series.SeriesStats;
import io.orchestrator.core.series.TimeSeriesStore;
import io.orchestrator.core.storage.StorageUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Series in two tiers: the heap holds what arrived since the storage opened, within the engine's
 * window; older buckets come from the database (compacted blocks, and reports of the log not yet
 * compacted, whose samples are read from the reports themselves). Records go to the heap only: the
 * report log is what makes them durable. Thread-safe.
 */
final class PostgresSeries implements TimeSeriesStore {
  private static final String BLOCKS =
      "SELECT data FROM series_blocks WHERE agent_id = ? AND last_bucket >= ? AND first_bucket < ?"
          + " ORDER BY first_bucket";
  private static final String LOG =
      "SELECT received_at, body FROM report_log WHERE agent_id = ? AND received_at >= ?"
          + " AND received_at < ? ORDER BY received_at";
  private static final long BUCKET_MILLIS = RESOLUTION.toMillis();

  private final Database db;
  private final Clock clock;
  private final ReportCodec codec;
  private final InMemoryTimeSeriesStore memory;
  private final long openedBucket;

  PostgresSeries(Database db, Clock clock, ReportCodec codec, InMemoryTimeSeriesStore memory) {
    this.db = db;
    this.clock = clock;
    this.codec = codec;
    this.memory = memory;
    // The bucket the storage opened in may hold reports from before: the database answers for it.
    this.openedBucket = Math.floorDiv(clock.millis(), BUCKET_MILLIS) + 1;
  }

  @Override
  public void record(Instant receivedAt, String agentId, List<MetricSample> samples) {
    memory.record(receivedAt, agentId, samples);
  }

  @Override
  public Optional<List<SeriesPoint>> query(String agentId, SeriesQuery query) {
    long from = query.firstBucket(clock.instant());
    long split = Math.max(openedBucket, memory.firstBucketKept());
    SortedMap<Long, Map<String, Double>> buckets = new TreeMap<>();
    boolean known = memory.collect(agentId, Math.max(from, split), query::selects, buckets);
    if (from < split) {
      known |= fromDatabase(agentId, from, split, query::selects, buckets);
    }
    return known ? Optional.of(query.points(buckets)) : Optional.empty();
  }

  private boolean fromDatabase(
      String agentId,
      long from,
      long to,
      Predicate<String> select,
      SortedMap<Long, Map<String, Double>> out) {
    boolean any = false;
    try (Connection c = db.connection()) {
      try (PreparedStatement ps = c.prepareStatement(BLOCKS)) {
        ps.setString(1, agentId);
        ps.setLong(2, from);
        ps.setLong(3, to);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            PeriodBlock.collect(rs.getBytes(1), from, to, select, out);
            any = true;
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(LOG)) {
        ps.setString(1, agentId);
        ps.setObject(2, Sql.timestamp(Instant.ofEpochMilli(from * BUCKET_MILLIS)));
        ps.setObject(3, Sql.timestamp(Instant.ofEpochMilli(to * BUCKET_MILLIS)));
        ps.setFetchSize(50);
        PeriodBlock.Encoder recent = new PeriodBlock.Encoder();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long bucket =
                Math.floorDiv(Sql.instant(rs, "received_at").toEpochMilli(), BUCKET_MILLIS);
            recent.add(
                bucket, Metrics.of(codec.decode(ReportBody.ofStoredForm(rs.getBytes("body")))));
          }
        }
        if (!recent.isEmpty()) {
          PeriodBlock.collect(recent.toBytes(), from, to, select, out);
          any = true;
        }
      }
    } catch (SQLException e) {
      db.failed(e);
      throw new StorageUnavailableException(Database.describe(e), e);
    }
    return any;
  }

  @Override
  public int expire() {
    return memory.expire();
  }

  @Override
  public void remove(String agentId) {
    memory.remove(agentId);
  }

  @Override
  public void clear() {
    memory.clear();
  }

  @Override
  public SeriesStats stats() {
    return memory.stats();
  }
}
