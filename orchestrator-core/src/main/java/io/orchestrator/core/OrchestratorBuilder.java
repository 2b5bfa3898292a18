package io.orchestrator.core;

import io.orchestrator.core.alert.NotificationSettings;
import io.orchestrator.core.alert.Notifier;
import io.orchestrator.core.cluster.ClusterBus;
import io.orchestrator.core.cluster.Membership;
import io.orchestrator.core.report.ReportCodec;
import io.orchestrator.core.storage.InMemoryStorage;
import io.orchestrator.core.storage.StorageFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures an {@link Orchestrator}. Defaults follow DESIGN §5: one hour of data, cleanup every
 * five minutes, agents stale after five minutes of silence, topology pushed at most once a second.
 *
 * <p>Not thread-safe; use from one thread, then {@link #build()}.
 */
public final class OrchestratorBuilder {
  Clock clock = Clock.systemUTC();
  Duration maxDataAge = Duration.ofHours(1);
  Duration cleanupInterval = Duration.ofMinutes(5);
  Duration staleThreshold = Duration.ofMinutes(5);
  Duration pushInterval = Duration.ofSeconds(1);
  Duration agentRetention = Duration.ofHours(24);
  int maxAgents = 100_000;
  int maxSeriesPerAgent = 2_048;
  int subscriberQueueCapacity = 4096;
  int hubThreads = 2;
  Duration alertInterval = Duration.ofSeconds(15);
  List<Notifier> notifiers = new ArrayList<>();
  NotificationSettings notificationSettings = NotificationSettings.DEFAULTS;
  StorageFactory storage = InMemoryStorage::new;
  ReportCodec codec;
  ClusterBus bus;
  Membership membership;

  OrchestratorBuilder() {}

  /**
   * Where agents, reports, series and history are kept (default: {@code InMemoryStorage::new}). The
   * engine opens it with its settings and closes it with itself.
   */
  public OrchestratorBuilder storage(StorageFactory value) {
    this.storage = Objects.requireNonNull(value, "storage");
    return this;
  }

  /**
   * How reports turn into wire bytes and back (default: none). With one, history keeps compact
   * bytes instead of objects; durable storages need one to store reports.
   */
  public OrchestratorBuilder reportCodec(ReportCodec value) {
    this.codec = Objects.requireNonNull(value, "codec");
    return this;
  }

  /** The server clock (default: system UTC). Every timestamp, bucket and expiry reads it. */
  public OrchestratorBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /** How long time-series points are kept (default 1h). */
  public OrchestratorBuilder maxDataAge(Duration value) {
    this.maxDataAge = positive("maxDataAge", value);
    return this;
  }

  /** How often retention and stale-agent cleanup run (default 5m). */
  public OrchestratorBuilder cleanupInterval(Duration value) {
    this.cleanupInterval = positive("cleanupInterval", value);
    return this;
  }

  /** Silence after which an agent is stale and loses its topology (default 5m). */
  public OrchestratorBuilder staleThreshold(Duration value) {
    this.staleThreshold = positive("staleThreshold", value);
    return this;
  }

  /** Minimum time between two topology_update events (default 1s). */
  public OrchestratorBuilder pushInterval(Duration value) {
    this.pushInterval = positive("pushInterval", value);
    return this;
  }

  /**
   * Silence after which an agent is forgotten by the registry (default 24h; never less than the max
   * data age or the stale threshold).
   */
  public OrchestratorBuilder agentRetention(Duration value) {
    this.agentRetention = positive("agentRetention", value);
    return this;
  }

  /** Cap on registered agents (default 100,000); reports from new agents past it are refused. */
  public OrchestratorBuilder maxAgents(int value) {
    this.maxAgents = positive("maxAgents", value);
    return this;
  }

  /** Cap on time series per agent (default 2,048); see the time-series store. */
  public OrchestratorBuilder maxSeriesPerAgent(int value) {
    this.maxSeriesPerAgent = positive("maxSeriesPerAgent", value);
    return this;
  }

  /** Events a hub subscriber may have pending before it is closed (default 4096). */
  public OrchestratorBuilder subscriberQueueCapacity(int value) {
    this.subscriberQueueCapacity = positive("subscriberQueueCapacity", value);
    return this;
  }

  /** Threads delivering hub events (default 2). */
  public OrchestratorBuilder hubThreads(int value) {
    this.hubThreads = positive("hubThreads", value);
    return this;
  }

  /** How often alert rules are evaluated (default 15s). */
  public OrchestratorBuilder alertInterval(Duration value) {
    this.alertInterval = positive("alertInterval", value);
    return this;
  }

  /** Adds a receiver of alert notifications (none by default). */
  public OrchestratorBuilder notifier(Notifier value) {
    this.notifiers.add(Objects.requireNonNull(value, "notifier"));
    return this;
  }

  /** How notifications are queued and retried (default {@link NotificationSettings#DEFAULTS}). */
  public OrchestratorBuilder notificationSettings(NotificationSettings value) {
    this.notificationSettings = Objects.requireNonNull(value, "notificationSettings");
    return this;
  }

  /**
   * Makes this engine one replica of a cluster (DESIGN §11): {@code bus} carries what it commits to
   * the other replicas and theirs to it; {@code membership} says who holds the lease for the
   * once-only duties. Needs a durable, shared storage and a {@link #reportCodec}. Without this call
   * the engine runs alone ({@link Membership#solo}).
   */
  public OrchestratorBuilder cluster(ClusterBus bus, Membership membership) {
    this.bus = Objects.requireNonNull(bus, "bus");
    this.membership = Objects.requireNonNull(membership, "membership");
    return this;
  }

  /**
   * Names this engine when it runs alone ({@code GET /api/v1/cluster} shows it as the one member).
   */
  public OrchestratorBuilder membership(Membership value) {
    this.membership = Objects.requireNonNull(value, "membership");
    return this;
  }

  /** Builds and starts the engine (its background tasks start now). */
  public Orchestrator build() {
    if (bus != null && codec == null) {
      throw new IllegalStateException(
          "a cluster needs a report codec to read other replicas' reports");
    }
    return new Orchestrator(this);
  }

  Duration effectiveAgentRetention() {
    Duration r = agentRetention;
    r = r.compareTo(maxDataAge) < 0 ? maxDataAge : r;
    return r.compareTo(staleThreshold) < 0 ? staleThreshold : r;
  }

  private static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  private static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }
}
