package io.orchestrator.core;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentRegistry;
import io.orchestrator.core.alert.AlertContext;
import io.orchestrator.core.alert.AlertEvent;
import io.orchestrator.core.hub.DefaultHub;
import io.orchestrator.core.hub.Event;
import io.orchestrator.core.hub.EventType;
import io.orchestrator.core.hub.HubEvent;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.core.topology.TopologyAggregator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What alert evaluation reads (the live topology, the registry, the clock), and where its changes
 * go: the hub, as {@code alert} events concerning the alert's agent. Thread-safe.
 */
final class HubAlertContext implements AlertContext {
  private final Clock clock;
  private final TopologyAggregator topology;
  private final AgentRegistry registry;
  private final DefaultHub hub;

  HubAlertContext(
      Clock clock, TopologyAggregator topology, AgentRegistry registry, DefaultHub hub) {
    this.clock = clock;
    this.topology = topology;
    this.registry = registry;
    this.hub = hub;
  }

  @Override
  public Topology topology() {
    return topology.snapshot();
  }

  @Override
  public List<Agent> agents() {
    return registry.list();
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public void publish(AlertEvent e) {
    if (hub.wants(EventType.ALERT)) {
      hub.publish(new Event(new HubEvent.AlertChanged(e), e.at()));
    }
  }
}
