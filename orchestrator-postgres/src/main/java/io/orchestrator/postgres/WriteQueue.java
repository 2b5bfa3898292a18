package io.orchestrator.postgres;

import io.orchestrator.core.storage.StorageUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: concurrent requests queue their writes, and each writer thread takes everything
 * waiting (up to {@value #MAX_BATCH}) into one transaction, so a thousand reports a second cost a
 * few dozen commits. A write's future completes only after its commit; a failed transaction fails
 * every write in it with {@link StorageUnavailableException}, so nothing unacknowledged is taken
 * for stored. The queue is bounded: past {@value #CAPACITY} waiting writes, new ones are refused.
 * Thread-safe.
 */
final class WriteQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriteQueue.class);
  private static final int MAX_BATCH = 512;
  private static final int CAPACITY = 20_000;

  private final Database db;
  private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>(CAPACITY);
  private final List<Thread> writers = new ArrayList<>();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean closing;

  WriteQueue(Database db, int writerThreads) {
    this.db = db;
    for (int i = 0; i < writerThreads; i++) {
      Thread t = new Thread(this::run, "orchestrator-db-writer-" + (i + 1));
      t.setDaemon(true);
      writers.add(t);
      t.start();
    }
  }

  /** Queues {@code w}; its future completes once committed. */
  CompletableFuture<Void> submit(Write w) {
    if (closing) {
      w.done.completeExceptionally(new StorageUnavailableException("storage is closing"));
    } else if (!queue.offer(w)) {
      w.done.completeExceptionally(
          new StorageUnavailableException("write queue full: the database is not keeping up"));
    }
    return w.done;
  }

  /** Commits so far, writes committed, writes failed: for figures and tests. */
  long[] counters() {
    return new long[] {commits.get(), written.get(), failed.get()};
  }

  private void run() {
    List<Write> batch = new ArrayList<>(MAX_BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        Write first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        fail(batch, "storage write failed: " + e);
        LOG.error("Unexpected failure writing {} rows", batch.size(), e);
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Write> batch) {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try {
        BatchWriter.write(c, batch);
        c.commit();
      } catch (SQLException e) {
        rollbackQuietly(c);
        throw e;
      }
    } catch (SQLException e) {
      db.failed(e);
      fail(batch, Database.describe(e));
      return;
    }
    commits.incrementAndGet();
    written.addAndGet(batch.size());
    batch.forEach(w -> w.done.complete(null));
  }

  private void fail(List<Write> batch, String why) {
    if (batch.isEmpty()) {
      return;
    }
    long before = failed.getAndAdd(batch.size());
    if (Long.numberOfLeadingZeros(before) != Long.numberOfLeadingZeros(before + batch.size())) {
      long n = before + batch.size();
      LOG.warn("{} writes not committed ({} so far): {}", batch.size(), n, why);
    }
    StorageUnavailableException e = new StorageUnavailableException(why);
    batch.forEach(w -> w.done.completeExceptionally(e));
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is likely gone; the pool discards it
    }
  }

  /** Stops taking writes and waits up to five seconds for the queued ones to commit. */
  @Override
  public void close() {
    closing = true;
    for (Thread t : writers) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<Write> left = new ArrayList<>();
    queue.drainTo(left);
    fail(left, "storage closed before the write was committed");
  }
}
