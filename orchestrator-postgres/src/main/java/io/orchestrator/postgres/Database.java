package io.orchestrator.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.orchestrator.core.storage.StorageHealth;
import io.orchestrator.core.storage.StorageUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, the schema (migrated at open by Flyway), and whether the database is up: a
 * probe checks every second and a failed write marks it down at once, so requests are refused with
 * 503 instead of waiting on a dead server, and recovery needs no restart. Thread-safe.
 */
final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final long PROBE_MILLIS = 1_000;

  private final HikariDataSource pool;
  private final ScheduledExecutorService prober;
  private volatile String down;

  private Database(HikariDataSource pool) {
    this.pool = pool;
    this.prober =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "orchestrator-db-probe");
              t.setDaemon(true);
              return t;
            });
    Future<?> unused =
        prober.scheduleWithFixedDelay(
            this::probe, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Connects and migrates the schema.
   *
   * @throws StorageUnavailableException saying why when the database cannot be reached or set up
   */
  static Database open(PostgresConfig config) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.url());
    if (config.user() != null) {
      hc.setUsername(config.user());
    }
    if (config.password() != null) {
      hc.setPassword(config.password());
    }
    hc.setPoolName("orchestrator-db");
    hc.setMaximumPoolSize(config.poolSize());
    hc.setMinimumIdle(Math.min(2, config.poolSize()));
    hc.setConnectionTimeout(3_000);
    hc.setValidationTimeout(1_000);
    hc.setInitializationFailTimeout(1);
    hc.addDataSourceProperty("reWriteBatchedInserts", "true");
    hc.addDataSourceProperty("connectTimeout", "5");
    hc.addDataSourceProperty("socketTimeout", "30");
    hc.addDataSourceProperty("tcpKeepAlive", "true");
    hc.addDataSourceProperty("ApplicationName", "orchestrator");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StorageUnavailableException(
          "cannot connect to " + config.maskedUrl() + ": " + describe(e));
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:io/orchestrator/postgres/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StorageUnavailableException(
          "cannot migrate the schema at " + config.maskedUrl() + ": " + describe(e));
    }
    LOG.info("Connected to {} (schema migrated)", config.maskedUrl());
    return new Database(pool);
  }

  /** A pooled connection; fails fast while the database is down. */
  Connection connection() throws SQLException {
    String why = down;
    if (why != null) {
      throw new SQLTransientConnectionException("database unavailable: " + why);
    }
    return pool.getConnection();
  }

  /**
   * Runs one statement that changes rows, bound by {@code binder}; a failure is recorded and
   * becomes a {@link StorageUnavailableException}.
   *
   * @return the rows changed
   */
  int update(String sql, Binder binder) {
    try (Connection c = connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      failed(e);
      throw new StorageUnavailableException(describe(e), e);
    }
  }

  /** Binds a statement's parameters. */
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Whether the database answers. */
  StorageHealth health() {
    String why = down;
    return why == null ? StorageHealth.UP : StorageHealth.down(why);
  }

  /** Records a failure; one that means the database is unreachable marks it down. */
  void failed(SQLException e) {
    if (isConnectivity(e) && down == null) {
      down = describe(e);
      LOG.warn("Database unreachable, refusing writes until it is back: {}", down);
    }
  }

  private void probe() {
    try (Connection c = pool.getConnection()) {
      if (c.isValid(1)) {
        if (down != null) {
          LOG.info("Database is back; accepting writes again");
          down = null;
        }
        return;
      }
      markDown("the database does not answer");
    } catch (SQLException | RuntimeException e) {
      markDown(describe(e));
    }
  }

  private void markDown(String why) {
    if (down == null) {
      LOG.warn("Database unreachable, refusing writes until it is back: {}", why);
    }
    down = why;
  }

  static boolean isConnectivity(SQLException e) {
    if (e instanceof SQLTransientConnectionException) {
      return true;
    }
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  /** The innermost message of {@code e}: what the driver or server said. */
  static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.split("\n", 2)[0];
  }

  @Override
  public void close() {
    prober.shutdownNow();
    pool.close();
  }
}
