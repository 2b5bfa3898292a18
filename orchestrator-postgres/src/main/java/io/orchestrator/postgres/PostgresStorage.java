package io.orchestrator.postgres;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.access.ApiKeyStore;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.alert.AlertRuleStore;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.report.ReportCodec;
import io.orchestrator.core.series.InMemoryTimeSeriesStore;
import io.orchestrator.core.series.TimeSeriesStore;
import io.orchestrator.core.storage.HistoryPolicy;
import io.orchestrator.core.storage.ReportRecord;
import io.orchestrator.core.storage.ReportStore;
import io.orchestrator.core.storage.Storage;
import io.orchestrator.core.storage.StorageFactory;
import io.orchestrator.core.storage.StorageHealth;
import io.orchestrator.core.storage.StorageSettings;
import io.orchestrator.core.storage.StorageUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storage component on PostgreSQL (DESIGN §10), the system of record: a write completes only
 * once committed, concurrent writes share commits ({@link WriteQueue}), and what the engine serves
 * is kept on the heap as well, so queries keep answering while the database is down. Reports are
 * appended to a log, one row each; a compaction every minute folds closed 15-minute periods into
 * the latest reports, history and Gorilla-encoded series blocks.
 *
 * <pre>{@code
 * Orchestrator.builder()
 *     .reportCodec(JsonReportCodec.INSTANCE)
 *     .storage(PostgresStorage.factory(PostgresConfig.builder(url).build()))
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class PostgresStorage implements Storage {
  private final Database db;
  private final ReportCodec codec;
  private final HistoryPolicy policy;
  private final WriteQueue writes;
  private final PostgresReports reports;
  private final PostgresSeries series;

  /**
   * How often every replica reloads the API keys and alert rules (a revocation or rule change takes
   * effect everywhere within it).
   */
  static final int KEY_REFRESH_SECONDS = 2;

  private final Maintenance maintenance;
  private final PostgresApiKeys apiKeys;
  private final PostgresAlertRules alertRules;
  private final Map<String, Agent> agents = new ConcurrentHashMap<>();
  private final Map<String, Agent> persisted = new ConcurrentHashMap<>();
  private final Map<String, HistoryPolicy.State> states = new ConcurrentHashMap<>();

  private PostgresStorage(PostgresConfig config, StorageSettings settings, Database db) {
    if (settings.codec() == null) {
      throw new IllegalArgumentException("the PostgreSQL storage needs the engine's report codec");
    }
    this.db = db;
    this.codec = settings.codec();
    this.policy = new HistoryPolicy(settings.staleThreshold());
    this.reports =
        new PostgresReports(
            db, settings.clock(), config.historyRetention(), settings.staleThreshold(), codec);
    this.series =
        new PostgresSeries(
            db,
            settings.clock(),
            codec,
            new InMemoryTimeSeriesStore(
                settings.clock(), settings.maxDataAge(), settings.maxSeriesPerAgent()));
    load();
    this.apiKeys = new PostgresApiKeys(db);
    apiKeys.refresh();
    this.alertRules = new PostgresAlertRules(db);
    alertRules.refresh();
    this.writes = new WriteQueue(db, config.writers());
    this.maintenance =
        new Maintenance(
            new Compactor(
                db, settings.clock(), codec, config.historyRetention(), settings.staleThreshold()),
            db,
            List.of(apiKeys::refresh, alertRules::refresh));
  }

  /** A factory for the engine's builder. */
  public static StorageFactory factory(PostgresConfig config) {
    return settings -> new PostgresStorage(config, settings, Database.open(config));
  }

  private void load() {
    try (Connection c = db.connection()) {
      Map<String, ReceivedReport> latest = Loader.latest(c, codec);
      Map<String, Instant> times = new HashMap<>();
      latest.forEach((id, r) -> times.put(id, r.receivedAt()));
      agents.putAll(Loader.agents(c, times));
      // A forgotten agent's last reports may still be in the log: its registration decides.
      latest.keySet().retainAll(agents.keySet());
      reports.latest.putAll(latest);
      persisted.putAll(agents);
      latest.forEach((id, r) -> states.put(id, HistoryPolicy.State.resumed(r.receivedAt())));
    } catch (SQLException e) {
      db.close();
      throw new StorageUnavailableException("cannot load state: " + Database.describe(e), e);
    }
  }

  @Override
  public CompletionStage<Void> accept(ReportRecord record) {
    // Compacted once, for the heap and the log: a 25 KB report travels to the database, its WAL
    // and its table as the few KB of its deflated form (ReportBody.storedForm()), not as 25 KB
    // for the database to compress again.
    ReceivedReport r = record.report().compact();
    String id = r.agentId();
    HistoryPolicy.Decision d = hold(record, r);
    Agent agent = record.agent();
    Agent row = sameRow(persisted.get(id), agent) ? null : agent;
    ReportBody body = r.body() != null ? r.body() : codec.encode(r.report()).compact();
    CompletionStage<Void> done =
        writes.submit(
            new Write.Log(
                id, r.receivedAt(), d.keep(), body, row, d.resumed(), d.previousReport()));
    return row == null ? done : done.thenRun(() -> persisted.put(id, agent));
  }

  /** Another replica logged it: hold it on the heap, write nothing. */
  @Override
  public void replicate(ReportRecord record) {
    hold(record, record.report().compact());
    persisted.put(record.report().agentId(), record.agent());
  }

  /** Keeps what the engine serves on the heap; returns what history makes of the report. */
  private HistoryPolicy.Decision hold(ReportRecord record, ReceivedReport r) {
    String id = r.agentId();
    HistoryPolicy.State state = states.computeIfAbsent(id, k -> new HistoryPolicy.State());
    HistoryPolicy.Decision d;
    synchronized (state) {
      d = policy.next(state, r.receivedAt(), record.shapeChanged());
    }
    agents.put(id, record.agent());
    reports.latest.put(id, r);
    series.record(r.receivedAt(), id, record.samples());
    return d;
  }

  /** Whether the stored row already says what {@code agent} says (hostname and metadata). */
  private static boolean sameRow(Agent stored, Agent agent) {
    return stored != null
        && stored.hostname().equals(agent.hostname())
        && stored.metadata().equals(agent.metadata());
  }

  @Override
  public CompletionStage<Void> register(Agent agent) {
    agents.put(agent.agentId(), agent);
    return writes
        .submit(new Write.Register(agent))
        .thenRun(() -> persisted.put(agent.agentId(), agent));
  }

  @Override
  public void replicateRegistration(Agent agent) {
    agents.put(agent.agentId(), agent);
    persisted.put(agent.agentId(), agent);
  }

  @Override
  public Map<String, ReceivedReport> storedLatest() {
    try (Connection c = db.connection()) {
      return Loader.latest(c, codec);
    } catch (SQLException e) {
      db.failed(e);
      throw new StorageUnavailableException(Database.describe(e), e);
    }
  }

  @Override
  public List<Agent> storedAgents() {
    try (Connection c = db.connection()) {
      return List.copyOf(Loader.agents(c, Loader.latestTimes(c)).values());
    } catch (SQLException e) {
      db.failed(e);
      throw new StorageUnavailableException(Database.describe(e), e);
    }
  }

  @Override
  public void forget(String agentId) {
    agents.remove(agentId);
    persisted.remove(agentId);
    states.remove(agentId);
    reports.latest.remove(agentId);
    series.remove(agentId);
    // Not awaited: the agent was silent past its retention. Should the delete fail, the agent is
    // loaded again at the next start and forgotten again by the next cleanup.
    CompletionStage<Void> unused = writes.submit(new Write.Forget(agentId));
  }

  @Override
  public List<Agent> agents() {
    List<Agent> out = new ArrayList<>(agents.values());
    out.sort(Comparator.comparing(Agent::agentId));
    return out;
  }

  @Override
  public ReportStore reports() {
    return reports;
  }

  @Override
  public TimeSeriesStore series() {
    return series;
  }

  @Override
  public ApiKeyStore apiKeys() {
    return apiKeys;
  }

  @Override
  public AlertRuleStore alertRules() {
    return alertRules;
  }

  @Override
  public StorageHealth check() {
    return db.health();
  }

  @Override
  public void expire() {
    maintenance.retain();
  }

  /** Empties every table and the heap copy. For tests and an operator's clean slate. */
  @Override
  public void clear() {
    try (Connection c = db.connection();
        Statement s = c.createStatement()) {
      s.execute(
          "TRUNCATE agents, report_log, latest_reports, report_history, agent_activity,"
              + " series_blocks");
    } catch (SQLException e) {
      db.failed(e);
      throw new StorageUnavailableException(Database.describe(e), e);
    }
    apiKeys.clear();
    alertRules.clear();
    agents.clear();
    persisted.clear();
    states.clear();
    reports.latest.clear();
    series.clear();
  }

  /** Folds the closed periods of the log now (the background task does so every minute). */
  public int compact() {
    return maintenance.compact();
  }

  @Override
  public void close() {
    maintenance.close();
    writes.close();
    db.close();
  }
}
