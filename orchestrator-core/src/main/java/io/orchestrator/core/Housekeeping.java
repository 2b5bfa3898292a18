package io.orchestrator.core;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentRegistry;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.storage.InMemoryKeyValueStore;
import io.orchestrator.core.storage.Storage;
import io.orchestrator.core.topology.TopologyAggregator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking up what the storage kept at start, and the periodic cleanup: expiry, stale agents leaving
 * the topology, long-silent agents forgotten. Thread-safe (each step is).
 */
final class Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  private final Storage storage;
  private final InMemoryKeyValueStore<Agent> agentStore;
  private final AgentRegistry registry;
  private final TopologyAggregator topology;
  private final Ingest ingest;
  private final BooleanSupplier leader;

  Housekeeping(
      Storage storage,
      InMemoryKeyValueStore<Agent> agentStore,
      AgentRegistry registry,
      TopologyAggregator topology,
      Ingest ingest,
      BooleanSupplier leader) {
    this.storage = storage;
    this.agentStore = agentStore;
    this.registry = registry;
    this.topology = topology;
    this.ingest = ingest;
    this.leader = leader;
  }

  /** Takes up what the storage kept: agents, and the topology of those still active. */
  void resume() {
    List<Agent> agents = storage.agents();
    agents.forEach(registry::restore);
    int active = 0;
    for (ReceivedReport r : storage.reports().latest().values()) {
      boolean stale =
          registry.get(r.agentId()).map(a -> a.status() == AgentStatus.STALE).orElse(true);
      if (!stale) {
        topology.apply(r.report(), r.receivedAt());
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

  void cleanup() {
    int expiredAgents = storage.series().expire();
    if (leader.getAsBoolean()) {
      storage.expire(); // shared history: one replica trims it
    }
    int forgotten = agentStore.purgeExpired();
    int removed = 0;
    for (String id : topology.agents()) {
      boolean stale = registry.get(id).map(a -> a.status() == AgentStatus.STALE).orElse(true);
      if (stale && ingest.removeStale(id)) {
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
}
