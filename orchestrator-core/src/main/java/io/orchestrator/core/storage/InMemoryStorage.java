package io.orchestrator.core.storage;

import io.orchestrator.core.access.ApiKeyStore;
import io.orchestrator.core.access.InMemoryApiKeyStore;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.alert.AlertRuleStore;
import io.orchestrator.core.alert.InMemoryAlertRuleStore;
import io.orchestrator.core.series.InMemoryTimeSeriesStore;
import io.orchestrator.core.series.TimeSeriesStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link Storage}: everything on the heap, nothing survives a restart. Series and
 * history answer for the last {@code maxDataAge}; history keeps a report when the agent's sub-graph
 * changes shape (deflated wire bytes when a codec is given). Every write completes at once.
 *
 * <p>Thread-safe.
 */
public final class InMemoryStorage implements Storage {
  private final ConcurrentHashMap<String, Agent> agents = new ConcurrentHashMap<>();
  private final InMemoryReports reports;
  private final InMemoryTimeSeriesStore series;
  private final InMemoryApiKeyStore apiKeys = new InMemoryApiKeyStore();
  private final InMemoryAlertRuleStore alertRules = new InMemoryAlertRuleStore();
  private volatile boolean closed;

  /** Opens an in-memory storage with the engine's settings. */
  public InMemoryStorage(StorageSettings settings) {
    this.reports =
        new InMemoryReports(
            settings.clock(), settings.maxDataAge(), settings.staleThreshold(), settings.codec());
    this.series =
        new InMemoryTimeSeriesStore(
            settings.clock(), settings.maxDataAge(), settings.maxSeriesPerAgent());
  }

  @Override
  public CompletionStage<Void> accept(ReportRecord record) {
    open();
    agents.put(record.agent().agentId(), record.agent());
    reports.accept(record.report(), record.shapeChanged());
    series.record(record.report().receivedAt(), record.agent().agentId(), record.samples());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> register(Agent agent) {
    open();
    agents.put(agent.agentId(), agent);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void forget(String agentId) {
    agents.remove(agentId);
    reports.forget(agentId);
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
    return closed ? StorageHealth.down("storage closed") : StorageHealth.UP;
  }

  @Override
  public void expire() {
    reports.expire();
  }

  @Override
  public void clear() {
    agents.clear();
    reports.clear();
    series.clear();
    apiKeys.clear();
    alertRules.clear();
  }

  @Override
  public void close() {
    closed = true;
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("storage closed");
    }
  }
}
