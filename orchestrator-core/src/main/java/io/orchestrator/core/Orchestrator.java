package io.orchestrator.core;

import io.orchestrator.core.access.ApiKeyStore;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentRegistry;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.agent.Registration;
import io.orchestrator.core.hub.DefaultHub;
import io.orchestrator.core.hub.Event;
import io.orchestrator.core.hub.EventType;
import io.orchestrator.core.hub.Hub;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.series.Metrics;
import io.orchestrator.core.series.TimeSeriesStore;
import io.orchestrator.core.storage.InMemoryKeyValueStore;
import io.orchestrator.core.storage.OperationContext;
import io.orchestrator.core.storage.ReportRecord;
import io.orchestrator.core.storage.Storage;
import io.orchestrator.core.storage.StorageHealth;
import io.orchestrator.core.storage.StorageSettings;
import io.orchestrator.core.storage.StorageUnavailableException;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.core.topology.TopologyAggregator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: agent registry, storage (latest reports, time series, history), topology and hub
 * behind one facade. Everything the server does goes through here, so an embedding service gets the
 * same behaviour without HTTP.
 *
 * <pre>{@code
 * try (Orchestrator o = Orchestrator.builder().maxDataAge(Duration.ofHours(2)).build()) {
 *   o.ingest(report);
 *   Topology t = o.topology();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Reports of different agents are ingested in parallel; reports of one agent are
 * applied in order. There is no global lock on the ingest path, and a durable storage's commits are
 * awaited outside any lock, so concurrent reports share them.
 */
public final class Orchestrator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
  private static final int STRIPES = 256;

  private final Clock clock;
  private final Instant startedAt;
  private final InMemoryKeyValueStore<Agent> agentStore;
  private final AgentRegistry registry;
  private final Storage storage;
  private final TopologyAggregator topology;
  private final TimeTravel timeTravel;
  private final DefaultHub hub;
  private final Object[] stripes = new Object[STRIPES];
  private final AtomicLong reportsTotal = new AtomicLong();
  private final AtomicLong reportsRejected = new AtomicLong();
  private final Maintenance maintenance;
  private volatile long lastPushedVersion = -1; // written by the maintenance thread only

  Orchestrator(OrchestratorBuilder b) {
    this.clock = new MicrosClock(b.clock);
    this.startedAt = clock.instant();
    this.storage =
        b.storage.open(
            new StorageSettings(
                clock, b.maxDataAge, b.staleThreshold, b.maxSeriesPerAgent, b.codec));
    this.agentStore = new InMemoryKeyValueStore<>(clock, b.maxAgents);
    this.registry =
        new AgentRegistry(agentStore, clock, b.staleThreshold, b.effectiveAgentRetention());
    this.topology = new TopologyAggregator(clock);
    this.timeTravel = new TimeTravel(storage.reports());
    this.hub = new DefaultHub(b.subscriberQueueCapacity, b.hubThreads);
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
    resume();
    this.maintenance = new Maintenance(this, b.cleanupInterval, b.pushInterval);
    LOG.info(
        "Orchestrator started: max data age {}, cleanup every {}, stale after {}, push every {}",
        b.maxDataAge,
        b.cleanupInterval,
        b.staleThreshold,
        b.pushInterval);
  }

  /** Takes up what the storage kept: agents, and the topology of those still active. */
  private void resume() {
    List<Agent> agents = storage.agents();
    agents.forEach(registry::restore);
    int active = 0;
    for (ReceivedReport r : storage.reports().latest().values()) {
      boolean stale =
          registry.get(r.agentId()).map(a -> a.status() == AgentStatus.STALE).orElse(true);
      if (!stale) {
        topology.apply(r.report());
        active++;
      }
    }
    if (!agents.isEmpty()) {
      LOG.info(
          "Resumed {} agents from storage, {} of them active in the topology",
          agents.size(),
          active);
    }
  }

  /** A builder with the defaults of DESIGN §5. */
  public static OrchestratorBuilder builder() {
    return new OrchestratorBuilder();
  }

  /**
   * Registers or re-registers an agent; returns once the storage has it.
   *
   * @return true when the agent was new
   * @throws io.orchestrator.core.storage.StoreFullException when at the agent cap
   * @throws StorageUnavailableException when the storage cannot take it
   */
  public boolean register(Registration registration) {
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

  /** Refreshes an agent's last_seen; false when the agent is unknown (it is not registered). */
  public boolean heartbeat(String agentId) {
    synchronized (stripe(agentId)) {
      return registry.heartbeat(agentId);
    }
  }

  /**
   * Accepts a report: registers its agent if unknown, keeps it as the latest (and in history when
   * its sub-graph changed shape), records its metrics and replaces the agent's topology, then tells
   * the hub. Returns once the storage has it.
   *
   * @throws io.orchestrator.core.storage.StoreFullException when the agent is new and the agent cap
   *     is reached; nothing is stored then
   * @throws StorageUnavailableException when the storage cannot take it; the report is not
   *     acknowledged
   */
  public IngestResult ingest(Report report) {
    return ingest(report, null);
  }

  /**
   * Accepts a report that arrived over a wire, keeping {@code body}, the bytes it arrived as, so
   * that it can be served exactly as received.
   *
   * @param body the report's wire form, or null
   * @throws io.orchestrator.core.storage.StoreFullException as {@link #ingest(Report)}
   * @throws StorageUnavailableException as {@link #ingest(Report)}
   */
  public IngestResult ingest(Report report, ReportBody body) {
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

  /** Counts a report the transport rejected (for {@code reports_rejected}). */
  public void recordRejectedReport() {
    reportsRejected.incrementAndGet();
  }

  /** Every known agent with its current status, sorted by id. */
  public List<Agent> agents() {
    return registry.list();
  }

  /** One agent with its current status. */
  public Optional<Agent> agent(String agentId) {
    return registry.get(agentId);
  }

  /** The agent's latest accepted report, if any. */
  public Optional<ReceivedReport> latestReport(String agentId) {
    return storage.reports().latest(agentId);
  }

  /**
   * The report that stood for the agent at {@code at} (its newest report in history at or before
   * it).
   *
   * @throws io.orchestrator.core.storage.OutsideHistoryException when {@code at} is outside {@link
   *     #historyStart()}..now
   */
  public Optional<ReceivedReport> latestReportAt(String agentId, Instant at) {
    return storage.reports().at(agentId, at);
  }

  /** The current topology snapshot. */
  public Topology topology() {
    return topology.snapshot();
  }

  /**
   * The topology as it stood at {@code at}: built from each agent's report in history at that
   * instant, leaving out agents that were stale then.
   *
   * @throws io.orchestrator.core.storage.OutsideHistoryException when {@code at} is outside {@link
   *     #historyStart()}..now
   */
  public Topology topologyAt(Instant at) {
    return timeTravel.topologyAt(at, clock.instant());
  }

  /** The oldest instant that time travel can answer for. */
  public Instant historyStart() {
    return storage.reports().historyStart();
  }

  /** The time-series store (read it with {@link TimeSeriesStore#query}). */
  public TimeSeriesStore series() {
    return storage.series();
  }

  /** The API keys, kept hashed in the storage. */
  public ApiKeyStore apiKeys() {
    return storage.apiKeys();
  }

  /** Whether the storage can serve and write (for {@code /health}). */
  public StorageHealth storageHealth() {
    return storage.check();
  }

  /** The event hub. */
  public Hub hub() {
    return hub;
  }

  /** Current figures. */
  public OrchestratorStats stats() {
    List<Agent> all = registry.list();
    int stale = (int) all.stream().filter(a -> a.status() == AgentStatus.STALE).count();
    return new OrchestratorStats(
        all.size(),
        all.size() - stale,
        stale,
        storage.series().stats(),
        topology.stats(),
        hub.stats(),
        reportsTotal.get(),
        reportsRejected.get(),
        Duration.between(startedAt, clock.instant()));
  }

  /**
   * Runs cleanup now: drops expired points and history, forgets long-silent agents and removes the
   * topology of stale ones. The background task calls this every cleanup interval.
   */
  public void cleanup() {
    int expiredAgents = storage.series().expire();
    storage.expire();
    int forgotten = agentStore.purgeExpired();
    int removed = 0;
    for (String id : topology.agents()) {
      boolean stale = registry.get(id).map(a -> a.status() == AgentStatus.STALE).orElse(true);
      if (stale && removeGraph(id)) {
        removed++;
      }
    }
    for (String id : storage.reports().latest().keySet()) {
      if (registry.get(id).isEmpty()) {
        storage.forget(id);
      }
    }
    if (removed + forgotten + expiredAgents > 0) {
      LOG.info(
          "Cleanup: {} stale agents left the topology, {} agents forgotten, {} agents' series expired",
          removed,
          forgotten,
          expiredAgents);
    }
  }

  private boolean removeGraph(String id) {
    synchronized (stripe(id)) {
      boolean stillStale = registry.get(id).map(a -> a.status() == AgentStatus.STALE).orElse(true);
      if (!stillStale || !topology.remove(id)) {
        return false;
      }
    }
    hub.publish(new Event(EventType.AGENT_REMOVED, id, id, clock.instant()));
    return true;
  }

  /** Publishes a topology_update if the topology changed since the last one and anyone wants it. */
  void pushTopology() {
    if (topology.version() == lastPushedVersion || !hub.wants(EventType.TOPOLOGY_UPDATE)) {
      return;
    }
    Topology t = topology.snapshot();
    lastPushedVersion = t.version();
    hub.publish(new Event(EventType.TOPOLOGY_UPDATE, null, t, clock.instant()));
  }

  /**
   * Forgets everything: agents, reports, series, history, topology and the ingest counters, as if
   * freshly built (hub subscriptions stay). For tests that share one engine, and for operators who
   * want a clean slate without a restart; a durable storage is emptied too.
   */
  public void clear() {
    agentStore.clear(OperationContext.background());
    storage.clear();
    topology.clear();
    reportsTotal.set(0);
    reportsRejected.set(0);
  }

  /** Stops the background tasks, closes the hub and the storage. Idempotent. */
  @Override
  public void close() {
    if (maintenance.stop()) {
      hub.close();
      agentStore.close();
      storage.close();
      LOG.info("Orchestrator stopped after {}", Duration.between(startedAt, clock.instant()));
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
