package io.orchestrator.core;

import io.orchestrator.core.access.ApiKeyStore;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentRegistry;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.agent.Registration;
import io.orchestrator.core.alert.Alerting;
import io.orchestrator.core.cluster.ClusterStatus;
import io.orchestrator.core.cluster.Membership;
import io.orchestrator.core.hub.DefaultHub;
import io.orchestrator.core.hub.Hub;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.series.TimeSeriesStore;
import io.orchestrator.core.storage.InMemoryKeyValueStore;
import io.orchestrator.core.storage.OperationContext;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: agent registry, storage (latest reports, time series, history), topology, alerting
 * and hub behind one facade. Everything the server does goes through here, so an embedding service
 * gets the same behaviour without HTTP.
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

  private final Clock clock;
  private final Instant startedAt;
  private final InMemoryKeyValueStore<Agent> agentStore;
  private final AgentRegistry registry;
  private final Storage storage;
  private final TopologyAggregator topology;
  private final TimeTravel timeTravel;
  private final DefaultHub hub;
  private final Ingest ingest;
  private final Alerting alerting;
  private final Housekeeping housekeeping;
  private final ClusterLink cluster;
  private final Maintenance maintenance;

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
    this.cluster =
        new ClusterLink(
            b.bus,
            b.membership != null ? b.membership : Membership.solo("local", "local", clock),
            b.codec);
    this.ingest = new Ingest(clock, registry, storage, topology, hub, cluster);
    this.alerting =
        new Alerting(
            storage.alertRules(),
            new HubAlertContext(clock, topology, registry, hub),
            b.notifiers,
            b.notificationSettings);
    this.housekeeping =
        new Housekeeping(storage, agentStore, registry, topology, ingest, cluster::leader);
    housekeeping.resume();
    Replication replication =
        new Replication(ingest, registry, storage, alerting, b.codec, cluster);
    cluster.start(replication);
    this.maintenance =
        new Maintenance(
            this::cleanup,
            new Duties(clock, topology, hub, alerting, cluster, replication),
            new Maintenance.Intervals(b.cleanupInterval, b.pushInterval, b.alertInterval));
    LOG.info(
        "Orchestrator started: max data age {}, cleanup every {}, stale after {}, push every {},"
            + " alerts every {}",
        b.maxDataAge,
        b.cleanupInterval,
        b.staleThreshold,
        b.pushInterval,
        b.alertInterval);
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
    return ingest.register(registration);
  }

  /** Refreshes an agent's last_seen; false when the agent is unknown (it is not registered). */
  public boolean heartbeat(String agentId) {
    return ingest.heartbeat(agentId);
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
    return ingest.ingest(report, body);
  }

  /** Counts a report the transport rejected (for {@code reports_rejected}). */
  public void recordRejectedReport() {
    ingest.reportsRejected.incrementAndGet();
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

  /** Alerting: the rules, the active alerts, and evaluation on demand. */
  public Alerting alerting() {
    return alerting;
  }

  /**
   * This replica's view of the cluster: its node id, whether it holds the lease for the once-only
   * duties, the members, and the bus (DESIGN §11). A replica without a bus is the one member.
   */
  public ClusterStatus cluster() {
    return cluster.status();
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
        ingest.reportsTotal.get(),
        ingest.reportsRejected.get(),
        alerting.stats(),
        Duration.between(startedAt, clock.instant()));
  }

  /**
   * Runs cleanup now: drops expired points and history, forgets long-silent agents and removes the
   * topology of stale ones. The background task calls this every cleanup interval.
   */
  public void cleanup() {
    housekeeping.cleanup();
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
    ingest.reportsTotal.set(0);
    ingest.reportsRejected.set(0);
  }

  /** Stops the background tasks, closes the hub and the storage. Idempotent. */
  @Override
  public void close() {
    if (maintenance.stop()) {
      cluster.close();
      alerting.close();
      hub.close();
      agentStore.close();
      storage.close();
      LOG.info("Orchestrator stopped after {}", Duration.between(startedAt, clock.instant()));
    }
  }
}
