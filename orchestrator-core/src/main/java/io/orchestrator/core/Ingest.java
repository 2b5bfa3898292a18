package io.orchestrator.core;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentRegistry;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.agent.Registration;
import io.orchestrator.core.hub.DefaultHub;
import io.orchestrator.core.hub.Event;
import io.orchestrator.core.hub.EventType;
import io.orchestrator.core.hub.HubEvent;
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
import java.util.Optional;
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
  private final ClusterLink cluster;
  private final Object[] stripes = new Object[STRIPES];
  final AtomicLong reportsTotal = new AtomicLong();
  final AtomicLong reportsRejected = new AtomicLong();

  Ingest(
      Clock clock,
      AgentRegistry registry,
      Storage storage,
      TopologyAggregator topology,
      DefaultHub hub,
      ClusterLink cluster) {
    this.clock = clock;
    this.registry = registry;
    this.storage = storage;
    this.topology = topology;
    this.hub = hub;
    this.cluster = cluster;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  boolean register(Registration registration) {
    writable();
    boolean created;
    Agent agent;
    CompletionStage<Void> durable;
    synchronized (stripe(registration.agentId())) {
      created = registry.register(registration);
      agent = registry.get(registration.agentId()).orElseThrow();
      durable = storage.register(agent);
    }
    await(durable);
    cluster.registered(agent);
    if (created) {
      announce(registration.agentId());
    }
    return created;
  }

  boolean heartbeat(String agentId) {
    boolean known;
    synchronized (stripe(agentId)) {
      known = registry.heartbeat(agentId);
    }
    if (known && cluster.clustered()) {
      registry.get(agentId).ifPresent(cluster::heartbeat);
    }
    return known;
  }

  IngestResult ingest(Report report, ReportBody received) {
    writable();
    ReportBody body = received != null ? received : cluster.bodyOf(report);
    String id = report.agentId();
    Instant now;
    boolean created;
    long version;
    ReceivedReport accepted;
    Agent agent;
    CompletionStage<Void> durable;
    synchronized (stripe(id)) {
      // Read inside the lock: one agent's reports get increasing receive times in apply order,
      // also after one that another replica, whose clock may run ahead, stamped later.
      Optional<ReceivedReport> held = storage.reports().latest(id);
      now = after(clock.instant(), held);
      created = registry.reported(id, report.effectiveHostname());
      Report shared = ReportSharing.share(held.map(ReceivedReport::report).orElse(null), report);
      accepted = new ReceivedReport(shared, now, body);
      boolean shapeChanged = topology.apply(shared, now);
      agent = registry.get(id).orElseThrow();
      durable = storage.accept(new ReportRecord(agent, accepted, Metrics.of(shared), shapeChanged));
      version = topology.version();
    }
    await(durable);
    cluster.reportAccepted(agent, accepted);
    reportsTotal.incrementAndGet();
    LOG.debug("Accepted report from {}", id);
    tell(created, accepted);
    return new IngestResult(created, now, version);
  }

  /**
   * Applies a report another replica accepted and stored, unless this replica already has the
   * agent's report from then or later (events of one agent may arrive out of order after an
   * outage).
   *
   * @return false when it was older than what this replica holds
   */
  boolean replicate(Agent agent, ReceivedReport replicated) {
    String id = agent.agentId();
    boolean created;
    ReceivedReport received;
    synchronized (stripe(id)) {
      Optional<ReceivedReport> held = storage.reports().latest(id);
      if (held.isPresent() && !held.get().receivedAt().isBefore(replicated.receivedAt())) {
        return false;
      }
      Report shared =
          ReportSharing.share(held.map(ReceivedReport::report).orElse(null), replicated.report());
      received = new ReceivedReport(shared, replicated.receivedAt(), replicated.body());
      created = registry.merge(agent);
      boolean shapeChanged = topology.apply(received.report(), received.receivedAt());
      Agent merged = registry.get(id).orElse(agent);
      storage.replicate(
          new ReportRecord(merged, received, Metrics.of(received.report()), shapeChanged));
    }
    LOG.debug("Replicated report from {}", id);
    tell(created, received);
    return true;
  }

  /** Takes up a registration another replica stored. */
  void replicateRegistration(Agent agent) {
    boolean created;
    synchronized (stripe(agent.agentId())) {
      created = registry.merge(agent);
      storage.replicateRegistration(registry.get(agent.agentId()).orElse(agent));
    }
    if (created) {
      announce(agent.agentId());
    }
  }

  private static Instant after(Instant now, Optional<ReceivedReport> held) {
    return held.isEmpty() || now.isAfter(held.get().receivedAt())
        ? now
        : held.get().receivedAt().plusNanos(1_000);
  }

  private void tell(boolean created, ReceivedReport received) {
    if (created) {
      announce(received.agentId());
    }
    if (hub.wants(EventType.REPORT_UPDATE)) {
      hub.publish(new Event(new HubEvent.ReportReceived(received), received.receivedAt()));
    }
  }

  /** Removes a stale agent's sub-graph (unless it reported meanwhile); true when removed. */
  boolean removeStale(String id) {
    synchronized (stripe(id)) {
      boolean stillStale = registry.get(id).map(a -> a.status() == AgentStatus.STALE).orElse(true);
      if (!stillStale || !topology.remove(id)) {
        return false;
      }
    }
    hub.publish(new Event(new HubEvent.AgentRemoved(id), clock.instant()));
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
          .ifPresent(a -> hub.publish(new Event(new HubEvent.AgentRegistered(a), clock.instant())));
    }
  }

  private Object stripe(String agentId) {
    return stripes[Math.floorMod(agentId.hashCode(), STRIPES)];
  }
}
