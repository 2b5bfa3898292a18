package io.orchestrator.core;

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
import io.orchestrator.core.series.InMemoryTimeSeriesStore;
import io.orchestrator.core.series.TimeSeriesStore;
import io.orchestrator.core.storage.InMemoryKeyValueStore;
import io.orchestrator.core.storage.OperationContext;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.core.topology.TopologyAggregator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: agent registry, time series, topology and hub behind one facade. Everything the
 * server does goes through here, so an embedding service gets the same behaviour without HTTP.
 *
 * <pre>{@code
 * try (Orchestrator o = Orchestrator.builder().maxDataAge(Duration.ofHours(2)).build()) {
 *   o.ingest(report);
 *   Topology t = o.topology();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Reports of different agents are ingested in parallel; reports of one agent are
 * applied in order. There is no global lock on the ingest path.
 */
public final class Orchestrator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
  private static final int STRIPES = 256;

  private final Clock clock;
  private final Instant startedAt;
  private final InMemoryKeyValueStore<Agent> agentStore;
  private final AgentRegistry registry;
  private final InMemoryTimeSeriesStore series;
  private final TopologyAggregator topology;
  private final DefaultHub hub;
  private final ConcurrentHashMap<String, ReceivedReport> latest = new ConcurrentHashMap<>();
  private final Object[] stripes = new Object[STRIPES];
  private final AtomicLong reportsTotal = new AtomicLong();
  private final AtomicLong reportsRejected = new AtomicLong();
  private final Maintenance maintenance;
  private volatile long lastPushedVersion = -1; // written by the maintenance thread only

  Orchestrator(OrchestratorBuilder b) {
    this.clock = b.clock;
    this.startedAt = clock.instant();
    this.agentStore = new InMemoryKeyValueStore<>(clock, b.maxAgents);
    this.registry =
        new AgentRegistry(agentStore, clock, b.staleThreshold, b.effectiveAgentRetention());
    this.series = new InMemoryTimeSeriesStore(clock, b.maxDataAge, b.maxSeriesPerAgent);
    this.topology = new TopologyAggregator(clock);
    this.hub = new DefaultHub(b.subscriberQueueCapacity, b.hubThreads);
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
    this.maintenance = new Maintenance(this, b.cleanupInterval, b.pushInterval);
    LOG.info(
        "Orchestrator started: max data age {}, cleanup every {}, stale after {}, push every {}",
        b.maxDataAge,
        b.cleanupInterval,
        b.staleThreshold,
        b.pushInterval);
  }

  /** A builder with the defaults of DESIGN §5. */
  public static OrchestratorBuilder builder() {
    return new OrchestratorBuilder();
  }

  /**
   * Registers or re-registers an agent.
   *
   * @return true when the agent was new
   * @throws io.orchestrator.core.storage.StoreFullException when at the agent cap
   */
  public boolean register(Registration registration) {
    boolean created;
    synchronized (stripe(registration.agentId())) {
      created = registry.register(registration);
    }
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
   * Accepts a report: registers its agent if unknown, keeps it as the latest, records its metrics
   * and replaces the agent's topology, then tells the hub.
   *
   * @throws io.orchestrator.core.storage.StoreFullException when the agent is new and the agent cap
   *     is reached; nothing is stored then
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
   */
  public IngestResult ingest(Report report, ReportBody body) {
    String id = report.agentId();
    Instant now;
    boolean created;
    long version;
    ReceivedReport received;
    synchronized (stripe(id)) {
      // Read inside the lock: one agent's reports get increasing receive times in apply order.
      now = clock.instant();
      created = registry.reported(id, report.effectiveHostname());
      received = new ReceivedReport(report, now, body);
      latest.put(id, received);
      series.record(now, report);
      topology.apply(report);
      version = topology.version();
    }
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
    return Optional.ofNullable(latest.get(agentId));
  }

  /** The current topology snapshot. */
  public Topology topology() {
    return topology.snapshot();
  }

  /** The time-series store (read it with {@link TimeSeriesStore#query}). */
  public TimeSeriesStore series() {
    return series;
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
        series.stats(),
        topology.stats(),
        hub.stats(),
        reportsTotal.get(),
        reportsRejected.get(),
        Duration.between(startedAt, clock.instant()));
  }

  /**
   * Runs cleanup now: drops expired points, forgets long-silent agents and removes the topology of
   * stale ones. The background task calls this every cleanup interval.
   */
  public void cleanup() {
    int expiredAgents = series.expire();
    int forgotten = agentStore.purgeExpired();
    int removed = 0;
    for (String id : topology.agents()) {
      boolean stale = registry.get(id).map(a -> a.status() == AgentStatus.STALE).orElse(true);
      if (stale && removeGraph(id)) {
        removed++;
      }
    }
    latest.keySet().removeIf(id -> registry.get(id).isEmpty());
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
   * Forgets everything: agents, reports, series, topology and the ingest counters, as if freshly
   * built (hub subscriptions stay). For tests that share one engine, and for operators who want a
   * clean slate without a restart.
   */
  public void clear() {
    agentStore.clear(OperationContext.background());
    latest.clear();
    series.clear();
    topology.clear();
    reportsTotal.set(0);
    reportsRejected.set(0);
  }

  /** Stops the background tasks and closes the hub. Idempotent. */
  @Override
  public void close() {
    if (maintenance.stop()) {
      hub.close();
      agentStore.close();
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
