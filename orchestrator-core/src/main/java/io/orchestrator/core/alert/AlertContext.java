package io.orchestrator.core.alert;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.topology.Topology;
import java.time.Instant;
import java.util.List;

/**
 * What an evaluation reads, and where its changes go: the engine's side of {@link Alerting}.
 * Implementations are thread-safe.
 */
public interface AlertContext {
  /** The topology as it stands. */
  Topology topology();

  /** Every agent with its current status. */
  List<Agent> agents();

  /** The server clock's now. */
  Instant now();

  /** Announces a change (the engine publishes it on the hub as {@code alert}). */
  void publish(AlertEvent event);
}
