package io.orchestrator.core.storage;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.access.ApiKeyStore;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.alert.AlertRuleStore;
import io.orchestrator.core.series.TimeSeriesStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The storage component, in the manner of Zipkin's {@code StorageComponent}: everything the engine
 * keeps about the fleet behind one SPI. Agents, latest reports, time series, history, and the
 * stores that API keys and alert rules need; {@link #check()} for {@code /health} and {@link
 * #close()}. Chosen with {@code Orchestrator.builder().storage(...)}; in memory by default.
 *
 * <p>Writes that acknowledge a client ({@link #accept}, {@link #register}) complete once what they
 * changed is durable in the backend's sense: at once in memory, after a commit in a database. A
 * backend that cannot write completes them exceptionally with {@link StorageUnavailableException}.
 * Reads serve what was accepted, including reports whose write has not completed yet.
 *
 * <p>The testkit's storage contract suite states the rest; a backend that passes it works with the
 * engine. Implementations must be thread-safe.
 */
public interface Storage extends AutoCloseable {

  /** Records an accepted report: its agent, the report as latest and in history, its samples. */
  CompletionStage<Void> accept(ReportRecord record);

  /** Records a registration (a new agent, or new hostname or metadata). */
  CompletionStage<Void> register(Agent agent);

  /**
   * Records a report another replica accepted and already stored (DESIGN §11): updates what this
   * storage serves without writing it again. The default suits a storage of its own, which has
   * nothing shared to skip.
   */
  default void replicate(ReportRecord record) {
    CompletionStage<Void> unused = accept(record);
  }

  /** Records a registration another replica already stored; see {@link #replicate}. */
  default void replicateRegistration(Agent agent) {
    CompletionStage<Void> unused = register(agent);
  }

  /**
   * Reads again what every replica stored: the agents and each one's latest report, from the
   * backend rather than from what this process holds. A replica catches up with it after missing
   * other replicas' events. The default returns what this storage holds.
   */
  default Map<String, ReceivedReport> storedLatest() {
    return reports().latest();
  }

  /** Reads again every agent every replica stored; see {@link #storedLatest}. */
  default List<Agent> storedAgents() {
    return agents();
  }

  /** Forgets an agent that has been silent past its retention: its registration and latest. */
  void forget(String agentId);

  /** The agents to resume with, as last registered or reported. */
  List<Agent> agents();

  /** Latest reports and their history. */
  ReportStore reports();

  /** The time series. */
  TimeSeriesStore series();

  /** API keys, hashed (DESIGN §8): shared by every replica on the same storage. */
  ApiKeyStore apiKeys();

  /** Alert rules (DESIGN §12): shared by every replica on the same storage. */
  AlertRuleStore alertRules();

  /** Whether the backend can serve and write right now. */
  StorageHealth check();

  /** Drops history older than the backend's retention. */
  void expire();

  /** Forgets everything it holds: agents, reports, series, history, keys and rules. */
  void clear();

  /** Releases connections and threads; later calls fail. Idempotent. */
  @Override
  void close();
}
