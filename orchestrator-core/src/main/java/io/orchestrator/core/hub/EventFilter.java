package io.orchestrator.core.hub;

import java.util.Set;

/**
 * Which events a subscriber receives: {@code types} limits the event types, {@code agents} limits
 * events that concern an agent to those agents; an empty set means no limit. Immutable and
 * thread-safe.
 *
 * @param types event types to receive; empty for all
 * @param agents agents whose events to receive; empty for all
 */
public record EventFilter(Set<EventType> types, Set<String> agents) {
  /** Receives everything. */
  public static final EventFilter ALL = new EventFilter(Set.of(), Set.of());

  /** Copies the sets; null means no limit. */
  public EventFilter {
    types = types == null ? Set.of() : Set.copyOf(types);
    agents = agents == null ? Set.of() : Set.copyOf(agents);
  }

  /** True when {@code event} passes this filter. */
  public boolean accepts(Event event) {
    if (!types.isEmpty() && !types.contains(event.type())) {
      return false;
    }
    return agents.isEmpty() || event.agentId() == null || agents.contains(event.agentId());
  }

  /** True when events of {@code type} can pass this filter. */
  public boolean accepts(EventType type) {
    return types.isEmpty() || types.contains(type);
  }
}
