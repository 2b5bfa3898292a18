package io.orchestrator.core;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's background tasks on one daemon thread: periodic cleanup, coalesced topology_update
 * pushes, alert evaluation and, in a cluster, the member watch. A failing run is logged and the
 * schedule continues. Thread-safe.
 */
final class Maintenance {
  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ScheduledFuture<?> cleanupTask;
  private final ScheduledFuture<?> pushTask;
  private final ScheduledFuture<?> alertTask;
  private final ScheduledFuture<?> membersTask;

  /** How often each task runs. */
  record Intervals(Duration cleanup, Duration push, Duration alerts) {}

  Maintenance(Runnable cleanup, Duties duties, Intervals every) {
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "orchestrator-maintenance");
              t.setDaemon(true);
              return t;
            });
    this.cleanupTask = every("cleanup", cleanup, every.cleanup().toMillis());
    this.pushTask =
        every("topology push", duties::pushTopology, Math.max(1, every.push().toMillis()));
    this.alertTask = every("alert evaluation", duties::evaluateAlerts, every.alerts().toMillis());
    this.membersTask = every("member watch", duties::watchMembers, MEMBERS_MS);
  }

  private ScheduledFuture<?> every(String name, Runnable task, long millis) {
    return scheduler.scheduleWithFixedDelay(
        guarded(name, task), millis, millis, TimeUnit.MILLISECONDS);
  }

  private static final long MEMBERS_MS = 2_000;

  private static Runnable guarded(String name, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("Background {} failed; it will run again: {}", name, e.toString(), e);
      }
    };
  }

  /** Stops the tasks; true on the first call. */
  boolean stop() {
    if (!running.compareAndSet(true, false)) {
      return false;
    }
    cleanupTask.cancel(false);
    pushTask.cancel(false);
    alertTask.cancel(false);
    membersTask.cancel(false);
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }
}
