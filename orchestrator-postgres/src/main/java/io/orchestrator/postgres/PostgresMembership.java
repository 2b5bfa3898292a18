package io.orchestrator.postgres;

import io.orchestrator.core.cluster.Member;
import io.orchestrator.core.cluster.Membership;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership and the duty lease in PostgreSQL (DESIGN §11). Every {@value #TICK_SECONDS} s each
 * replica announces itself and takes or renews a lease of {@value #LEASE_SECONDS} s, timed by the
 * database's clock. A holder trusts its lease for two seconds less than it lasts, counted from
 * before it asked, so it stops acting before another replica can take over; a replica that dies is
 * replaced within {@value #LEASE_SECONDS} + {@value #TICK_SECONDS} s, and one that leaves gives the
 * lease up at once. Uses its own small pool. Thread-safe.
 */
public final class PostgresMembership implements Membership {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresMembership.class);
  static final int TICK_SECONDS = 2;
  static final int LEASE_SECONDS = 10;
  private static final long TRUST_NANOS = TimeUnit.SECONDS.toNanos(LEASE_SECONDS - 2);
  private static final String ANNOUNCE =
      "INSERT INTO cluster_members (node_id, address, last_seen) VALUES (?, ?, now())"
          + " ON CONFLICT (node_id) DO UPDATE SET address = EXCLUDED.address, last_seen = now()";
  private static final String LEASE =
      "INSERT INTO cluster_lease (name, holder, expires_at)"
          + " VALUES ('duties', ?, now() + make_interval(secs => ?))"
          + " ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder,"
          + " expires_at = EXCLUDED.expires_at"
          + " WHERE cluster_lease.holder = EXCLUDED.holder OR cluster_lease.expires_at < now()"
          + " RETURNING holder";
  private static final String MEMBERS =
      "SELECT m.node_id, m.address, m.last_seen, (l.holder IS NOT NULL) AS leader"
          + " FROM cluster_members m LEFT JOIN cluster_lease l ON l.name = 'duties'"
          + " AND l.holder = m.node_id AND l.expires_at > now()"
          + " WHERE m.last_seen > now() - make_interval(secs => ?) ORDER BY m.node_id";

  private final Database db;
  private final String nodeId;
  private final String address;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "orchestrator-membership");
            t.setDaemon(true);
            return t;
          });
  private volatile long trustedUntil = System.nanoTime();
  private volatile boolean held;
  private volatile List<Member> members = List.of();

  private PostgresMembership(Database db, String nodeId, String address) {
    this.db = db;
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.address = Objects.requireNonNull(address, "address");
    tick();
    Future<?> unused =
        ticker.scheduleWithFixedDelay(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Joins as {@code nodeId}, serving at {@code address}, through the database of {@code config}.
   */
  public static PostgresMembership join(PostgresConfig config, String nodeId, String address) {
    PostgresConfig small =
        new PostgresConfig(
            config.url(), config.user(), config.password(), config.historyRetention(), 3, 1);
    return new PostgresMembership(Database.open(small), nodeId, address);
  }

  private void tick() {
    long asked = System.nanoTime();
    try (Connection c = db.connection()) {
      try (PreparedStatement ps = c.prepareStatement(ANNOUNCE)) {
        ps.setString(1, nodeId);
        ps.setString(2, address);
        ps.executeUpdate();
      }
      boolean now = lease(c);
      trustedUntil = now ? asked + TRUST_NANOS : asked;
      if (now != held) {
        held = now;
        LOG.info(now ? "{} holds the duty lease" : "{} no longer holds the duty lease", nodeId);
      }
      members = read(c);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Membership not renewed; the next tick tries again: {}", e.toString());
    }
  }

  private boolean lease(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LEASE)) {
      ps.setString(1, nodeId);
      ps.setInt(2, LEASE_SECONDS);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static List<Member> read(Connection c) throws SQLException {
    List<Member> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(MEMBERS)) {
      ps.setInt(1, LEASE_SECONDS + TICK_SECONDS * 2);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Member(
                  rs.getString("node_id"),
                  rs.getString("address"),
                  Sql.instant(rs, "last_seen"),
                  rs.getBoolean("leader")));
        }
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public boolean leader() {
    return held && System.nanoTime() - trustedUntil < 0;
  }

  @Override
  public List<Member> members() {
    return members;
  }

  @Override
  public void close() {
    if (ticker.isShutdown()) {
      return;
    }
    ticker.shutdownNow();
    try (Connection c = db.connection();
        PreparedStatement lease =
            c.prepareStatement("DELETE FROM cluster_lease WHERE name = 'duties' AND holder = ?");
        PreparedStatement member =
            c.prepareStatement("DELETE FROM cluster_members WHERE node_id = ?")) {
      lease.setString(1, nodeId);
      lease.executeUpdate();
      member.setString(1, nodeId);
      member.executeUpdate();
      held = false;
    } catch (SQLException e) {
      LOG.warn("Could not give the lease up; it expires by itself: {}", Database.describe(e));
    } finally {
      db.close();
    }
  }
}
