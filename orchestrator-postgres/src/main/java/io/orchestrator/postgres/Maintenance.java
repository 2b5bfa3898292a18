package io.orchestrator.postgres;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the compactor every minute and reloads the API keys and alert rules every two seconds on its
 * own thread, and retention when the engine asks; one at a time. A failure is logged and counted on
 * the database's health; the next run tries again. Thread-safe.
 */
final class Maintenance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

  private final Compactor compactor;
  private final Database db;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "orchestrator-db-compactor");
            t.setDaemon(true);
            return t;
          });

  Maintenance(Compactor compactor, Database db, List<Runnable> refreshes) {
    this.compactor = compactor;
    this.db = db;
    Future<?> unusedCompaction =
        scheduler.scheduleWithFixedDelay(this::compact, 1, 1, TimeUnit.MINUTES);
    Future<?> unusedRefresh =
        scheduler.scheduleWithFixedDelay(
            () -> refreshes.forEach(Maintenance::refresh),
            PostgresStorage.KEY_REFRESH_SECONDS,
            PostgresStorage.KEY_REFRESH_SECONDS,
            TimeUnit.SECONDS);
  }

  private static void refresh(Runnable refresh) {
    try {
      refresh.run();
    } catch (RuntimeException e) {
      LOG.debug("Keys or rules not refreshed; the next run tries again: {}", e.getMessage());
    }
  }

  synchronized int compact() {
    try {
      int rows = compactor.compact();
      if (rows > 0) {
        LOG.debug("Compacted {} report log rows", rows);
      }
      return rows;
    } catch (SQLException e) {
      db.failed(e);
      LOG.warn("Compaction failed; it will run again: {}", Database.describe(e));
      return 0;
    } catch (RuntimeException e) {
      LOG.warn("Compaction failed; it will run again", e);
      return 0;
    }
  }

  synchronized void retain() {
    try {
      compactor.retain();
    } catch (SQLException e) {
      db.failed(e);
      LOG.warn("History retention failed; it will run again: {}", Database.describe(e));
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
