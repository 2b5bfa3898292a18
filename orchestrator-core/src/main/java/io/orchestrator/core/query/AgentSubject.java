package io.orchestrator.core.query;

import io.orchestrator.core.agent.Agent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An agent as a query sees it (for {@code agent_stale} rules): its text is its id, hostname and
 * registration metadata values; fields {@code id}/{@code agent}, {@code hostname}, {@code status}
 * and any metadata key; metric {@code silence}, the seconds since it was last seen. Thread-safe: a
 * view over immutable objects.
 */
public final class AgentSubject implements Subject {
  private final Agent agent;
  private final Instant now;

  private AgentSubject(Agent agent, Instant now) {
    this.agent = agent;
    this.now = now;
  }

  /** {@code agent} as of {@code now}. */
  public static AgentSubject of(Agent agent, Instant now) {
    return new AgentSubject(agent, now);
  }

  @Override
  public boolean anyText(Predicate<String> test) {
    if (test.test(agent.agentId()) || (agent.hostname() != null && test.test(agent.hostname()))) {
      return true;
    }
    for (String v : agent.metadata().values()) {
      if (test.test(v)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<String> field(String name) {
    return switch (name) {
      case "id", "agent", "agent_id" -> List.of(agent.agentId());
      case "hostname" -> agent.hostname() == null ? List.of() : List.of(agent.hostname());
      case "status" -> List.of(agent.status().name().toLowerCase(Locale.ROOT));
      default -> {
        String v = agent.metadata().get(name);
        yield v == null ? List.of() : List.of(v);
      }
    };
  }

  @Override
  public double metric(String name) {
    return name.equals("silence")
        ? Duration.between(agent.lastSeen(), now).toMillis() / 1000.0
        : Double.NaN;
  }

  @Override
  public boolean hasLabel(String key, String value) {
    for (Map.Entry<String, String> e : agent.metadata().entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)
          && (value == null || e.getValue().equalsIgnoreCase(value))) {
        return true;
      }
    }
    return false;
  }
}
