package io.orchestrator.core;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentRegistry;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.agent.Registration;
import io.orchestrator.core.hub.DefaultHub;
import io.orchestrator.core.hub.Event;
import io.orchestrator.core.hub.EventType;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.series.Metrics;
import io.orchestrator.core.storage.ReportRecord;
import io.orchestrator.core.storage.Storage;
import io.orchestrator.core.storage.StorageHealth;
import io.orchestrator.core.storage.StorageUnavailableException;
import io.orchestrator.core.topology.TopologyAggregator;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path: registrations, heartbeats, reports and stale agents leaving the topology, each
 * under its agent's stripe lock so that one agent's changes apply in order while different agents
 * proceed in parallel. Storage commits are awaited outside the lock. Thread-safe.
 */
final class Ingest {
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
  private static final int STRIPES = 256;

  private final Clock clock;
  private final AgentRegistry registry;
  private final Storage storage;
  private final TopologyAggregator topology;
  private final DefaultHub hub;
  private final Object[] stripes = new Object[STRIPES];
  final AtomicLong reportsTotal = new AtomicLong();
  final AtomicLong reportsRejected = new AtomicLong();

  Ingest(
      Clock clock,
      AgentRegistry registry,
      Storage storage,
      TopologyAggregator topology,
      DefaultHub hub) {
    this.clock = clock;
    this.registry = registry;
    this.storage = storage;
    this.topology = topology;
    this.hub = hub;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  boolean register(Registration registration) {
    writable();
    boolean created;
    CompletionStage<Void> durable;
    synchronized (stripe(registration.agentId())) {
      created = registry.register(registration);
      durable = storage.register(registry.get(registration.agentId()).orElseThrow());
    }
    await(durable);
    if (created) {
      announce(registration.agentId());
    }
    return created;
  }

  boolean heartbeat(String agentId) {
    synchronized (stripe(agentId)) {
      return registry.heartbeat(agentId);
    }
  }

  IngestResult ingest(Report report, ReportBody body) {
    writable();
    String id = report.agentId();
    Instant now;
    boolean created;
    long version;
    ReceivedReport received;
    CompletionStage<Void> durable;
    synchronized (stripe(id)) {
      // Read inside the lock: one agent's reports get increasing receive times in apply order.
      now = clock.instant();
      created = registry.reported(id, report.effectiveHostname());
      received = new ReceivedReport(report, now, body);
      boolean shapeChanged = topology.apply(report);
      Agent agent = registry.get(id).orElseThrow();
      durable = storage.accept(new ReportRecord(agent, received, Metrics.of(report), shapeChanged));
      version = topology.version();
    }
    await(durable);
    reportsTotal.incrementAndGet();
    LOG.debug("Accepted report from {}", id);
    if (created) {
      announce(id);
    }
    if (hub.wants(EventType.REPORT_UPDATE)) {
      hub.publish(new Event(EventType.REPORT_UPDATE, id, received, now));
    }
    return new IngestResult(created, now, version);
  }

  /** Removes a stale agent's sub-graph (unless it reported meanwhile); true when removed. */
  boolean removeStale(String id) {
    synchronized (stripe(id)) {
      boolean stillStale = registry.get(id).map(a -> a.status() == AgentStatus.STALE).orElse(true);
      if (!stillStale || !topology.remove(id)) {
        return false;
      }
    }
    hub.publish(new Event(EventType.AGENT_REMOVED, id, id, clock.instant()));
    return true;
  }

  private void writable() {
    StorageHealth health = storage.check();
    if (!health.up()) {
      throw new StorageUnavailableException(health.detail());
    }
  }

  private static void await(CompletionStage<Void> durable) {
    try {
      durable.toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof StorageUnavailableException s) {
        throw s;
      }
      throw new StorageUnavailableException("storage write failed: " + e.getCause(), e.getCause());
    }
  }

  private void announce(String agentId) {
    if (hub.wants(EventType.AGENT_REGISTERED)) {
      registry
          .get(agentId)
          .ifPresent(
              a -> hub.publish(new Event(EventType.AGENT_REGISTERED, agentId, a, clock.instant())));
    }
  }

  private Object stripe(String agentId) {
    return stripes[Math.floorMod(agentId.hashCode(), STRIPES)];
  }
}
