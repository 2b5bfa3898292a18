package io.orchestrator.core.agent;

import io.orchestrator.core.storage.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent registry, kept in a {@link KeyValueStore} under keys {@code agent/<id>}.
 *
 * <p>{@code last_seen} comes from the server clock; an agent is {@linkplain AgentStatus#STALE
 * stale} once silent for longer than the stale threshold and is forgotten entirely once silent for
 * longer than the retention (the store entry's TTL), so the registry grows with live agents, not
 * with time. The store's cap bounds the number of agents.
 *
 * <p>Thread-safe. Updates of one agent are serialised by a lock stripe chosen by its id; there is
 * no global lock.
 */
public final class AgentRegistry {
  private static final String PREFIX = "agent/";
  private static final int STRIPES = 64;

  private final KeyValueStore<Agent> store;
  private final Clock clock;
  private final Duration staleThreshold;
  private final Duration retention;
  private final Object[] stripes = new Object[STRIPES];

  /**
   * Creates a registry.
   *
   * @param store where agents are kept
   * @param clock the server clock
   * @param staleThreshold silence after which an agent is stale
   * @param retention silence after which an agent is forgotten; at least the stale threshold
   */
  public AgentRegistry(
      KeyValueStore<Agent> store, Clock clock, Duration staleThreshold, Duration retention) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.staleThreshold = Objects.requireNonNull(staleThreshold, "staleThreshold");
    this.retention = Objects.requireNonNull(retention, "retention");
    if (retention.compareTo(staleThreshold) < 0) {
      throw new IllegalArgumentException("retention must not be shorter than the stale threshold");
    }
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  /**
   * Registers or re-registers an agent, replacing its hostname and metadata.
   *
   * @return true when the agent was new, false on re-registration
   */
  public boolean register(Registration registration) {
    String id = registration.agentId();
    synchronized (stripe(id)) {
      Instant now = clock.instant();
      Optional<Agent> old = store.get(key(id));
      Agent agent =
          new Agent(
              id,
              registration.hostname(),
              registration.metadata(),
              old.map(Agent::registeredAt).orElse(now),
              now,
              old.map(Agent::lastReportAt).orElse(null),
              AgentStatus.ACTIVE);
      store.put(key(id), agent, retention);
      return old.isEmpty();
    }
  }

  /**
   * Refreshes an agent's {@code last_seen}.
   *
   * @return true when the agent is known; an unknown agent is not registered by a heartbeat
   */
  public boolean heartbeat(String agentId) {
    synchronized (stripe(agentId)) {
      Optional<Agent> old = store.get(key(agentId));
      old.ifPresent(a -> store.put(key(agentId), a.seen(clock.instant()), retention));
      return old.isPresent();
    }
  }

  /**
   * Records an accepted report, registering an unknown agent implicitly under {@code hostname}.
   *
   * @return true when the agent was registered by this call
   */
  public boolean reported(String agentId, String hostname) {
    synchronized (stripe(agentId)) {
      Instant now = clock.instant();
      Optional<Agent> old = store.get(key(agentId));
      Agent agent =
          old.map(
                  a ->
                      new Agent(
                          a.agentId(),
                          a.hostname(),
                          a.metadata(),
                          a.registeredAt(),
                          now,
                          now,
                          AgentStatus.ACTIVE))
              .orElseGet(
                  () -> new Agent(agentId, hostname, Map.of(), now, now, now, AgentStatus.ACTIVE));
      store.put(key(agentId), agent, retention);
      return old.isEmpty();
    }
  }

  /**
   * Takes up an agent a storage kept (at start): it is forgotten once silent past the retention,
   * counted from its {@code lastSeen}; one already silent that long is not taken up.
   */
  public void restore(Agent agent) {
    Duration left = Duration.between(clock.instant(), agent.lastSeen().plus(retention));
    if (left.isNegative() || left.isZero()) {
      return;
    }
    synchronized (stripe(agent.agentId())) {
      store.put(key(agent.agentId()), agent.withStatus(AgentStatus.ACTIVE), left);
    }
  }

  /**
   * Takes up what another replica says about an agent: its hostname and metadata, and the later of
   * both replicas' contact times.
   *
   * @return true when the agent was new here
   */
  public boolean merge(Agent remote) {
    String id = remote.agentId();
    synchronized (stripe(id)) {
      Optional<Agent> old = store.get(key(id));
      Agent a =
          old.map(
                  o ->
                      new Agent(
                          id,
                          remote.hostname(),
                          remote.metadata(),
                          earlier(o.registeredAt(), remote.registeredAt()),
                          later(o.lastSeen(), remote.lastSeen()),
                          later(o.lastReportAt(), remote.lastReportAt()),
                          AgentStatus.ACTIVE))
              .orElse(remote.withStatus(AgentStatus.ACTIVE));
      Duration left = Duration.between(clock.instant(), a.lastSeen().plus(retention));
      if (left.isNegative() || left.isZero()) {
        return false; // silent past the retention: forgotten here as everywhere
      }
      store.put(key(id), a, left);
      return old.isEmpty();
    }
  }

  /** Moves a known agent's {@code last_seen} to {@code at} if that is later (another replica's). */
  public void seen(String agentId, Instant at) {
    synchronized (stripe(agentId)) {
      store
          .get(key(agentId))
          .filter(a -> a.lastSeen().isBefore(at))
          .ifPresent(a -> store.put(key(agentId), a.seen(at), retention));
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }

  private static Instant earlier(Instant a, Instant b) {
    return b.isBefore(a) ? b : a;
  }

  /** The agent with its current status, if known. */
  public Optional<Agent> get(String agentId) {
    Instant now = clock.instant();
    return store.get(key(agentId)).map(a -> withStatus(a, now));
  }

  /** Every known agent with its current status, sorted by id. */
  public List<Agent> list() {
    Instant now = clock.instant();
    List<Agent> out = new ArrayList<>();
    for (Agent a : store.list(PREFIX).values()) {
      out.add(withStatus(a, now));
    }
    return out;
  }

  /** Forgets an agent; true when it was known. */
  public boolean remove(String agentId) {
    synchronized (stripe(agentId)) {
      return store.delete(key(agentId));
    }
  }

  private Agent withStatus(Agent a, Instant now) {
    boolean stale = a.lastSeen().plus(staleThreshold).isBefore(now);
    return a.withStatus(stale ? AgentStatus.STALE : AgentStatus.ACTIVE);
  }

  private Object stripe(String agentId) {
    return stripes[Math.floorMod(agentId.hashCode(), STRIPES)];
  }

  private static String key(String agentId) {
    return PREFIX + agentId;
  }
}
