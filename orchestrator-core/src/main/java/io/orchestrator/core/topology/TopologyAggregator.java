package io.orchestrator.core.topology;

import io.orchestrator.core.report.Report;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Aggregates every agent's latest report into one topology (DESIGN §4.3).
 *
 * <p>{@link #apply(Report)} builds the agent's sub-graph outside any lock and swaps it in
 * atomically, so a report replaces its agent's containers, processes and edges at once. {@link
 * #snapshot()} folds the agents that changed since the last snapshot into the merged topology (see
 * {@link Assembly}): its cost follows the change, not the fleet. The result is cached per version,
 * so readers of an unchanged topology share one immutable instance.
 *
 * <p>Thread-safe. Writers never wait for readers or for each other (except for the same agent's map
 * slot); concurrent readers of a changed topology build it once, under a lock only readers take.
 * Callers must not apply two reports of the same agent concurrently if order matters.
 */
public final class TopologyAggregator {
  private final Clock clock;
  private final ConcurrentHashMap<String, AgentGraph> graphs = new ConcurrentHashMap<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final AtomicLong version = new AtomicLong();
  private final Object buildLock = new Object();
  private volatile Instant lastUpdate;
  private volatile Topology cached;
  private final Assembly assembly = new Assembly(); // guarded by buildLock

  /**
   * Creates an empty topology.
   *
   * @param clock the server clock, for timestamps
   */
  public TopologyAggregator(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lastUpdate = clock.instant();
  }

  /**
   * Replaces the reporting agent's sub-graph with the one {@code report} describes.
   *
   * @return true when the sub-graph's shape changed (nodes, their descriptive fields, or flows, not
   *     just measurements), or the agent had none
   */
  public boolean apply(Report report) {
    return apply(report, null);
  }

  /**
   * As {@link #apply(Report)}, for a report received at {@code receivedAt}, which goes into the
   * snapshot's {@link Topology#contentTag()}.
   */
  public boolean apply(Report report, Instant receivedAt) {
    AgentGraph graph = AgentGraphBuilder.build(report, graphs.get(report.agentId()));
    if (receivedAt != null) {
      graph.stamp(receivedAt.getEpochSecond() * 1_000_000 + receivedAt.getNano() / 1_000);
    }
    AgentGraph previous = graphs.put(report.agentId(), graph);
    changed(report.agentId());
    return previous == null || previous.shape() != graph.shape();
  }

  /** Removes an agent's whole sub-graph; true when it had one. */
  public boolean remove(String agentId) {
    if (graphs.remove(agentId) != null) {
      changed(agentId);
      return true;
    }
    return false;
  }

  /** Removes every sub-graph. */
  public void clear() {
    graphs.keySet().forEach(this::remove);
  }

  /** The agents that currently have a sub-graph. */
  public Set<String> agents() {
    return Set.copyOf(graphs.keySet());
  }

  /** The current version; increases with every change. */
  public long version() {
    return version.get();
  }

  /** A consistent snapshot of the current topology. */
  public Topology snapshot() {
    Topology c = cached;
    long v = version.get();
    if (c != null && c.version() == v) {
      return c;
    }
    synchronized (buildLock) {
      c = cached;
      v = version.get();
      if (c != null && c.version() == v) {
        return c;
      }
      Map<String, AgentGraph> changes = new HashMap<>();
      for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
        String id = it.next();
        it.remove(); // before reading the graph: a newer one marks the agent pending again
        changes.put(id, graphs.get(id));
      }
      c = assembly.update(changes, lastUpdate, v);
      cached = c;
      return c;
    }
  }

  /** Counts of the current snapshot. */
  public TopologyStats stats() {
    return TopologyStats.of(snapshot());
  }

  /**
   * Marks the agent for the next snapshot, then counts the change (in that order, see snapshot).
   */
  private void changed(String agentId) {
    pending.add(agentId);
    lastUpdate = clock.instant();
    version.incrementAndGet();
  }
}
