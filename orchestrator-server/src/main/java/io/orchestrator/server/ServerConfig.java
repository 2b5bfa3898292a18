package io.orchestrator.server;

import io.orchestrator.server.security.SecurityConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the server can be told (DESIGN §5 plus CORS, body limit, shutdown grace and WebSocket
 * settings). Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param host address to bind
 * @param port port to bind, 0 for any free port
 * @param maxDataAge time-series retention
 * @param cleanupInterval how often retention and stale cleanup run
 * @param staleThreshold silence after which an agent is stale
 * @param corsOrigins allowed origins; {@code ["*"]} for any (then never with credentials); empty
 *     for none (same origin only)
 * @param maxBodySize largest accepted request body in bytes
 * @param shutdownGrace how long in-flight requests may take to finish on shutdown
 * @param wsIdleTimeout a WebSocket silent (no pong, no message) this long is closed
 * @param wsSendBuffer messages a WebSocket client may have unsent before it is closed
 * @param httpIdleTimeout an HTTP connection with no bytes moving this long is closed (slow or
 *     stalled clients, slow-loris)
 * @param headerTimeout a request whose headers are not complete this long after they began is
 *     closed (slow-loris), as is any beyond 32 such connections from one address
 * @param storage where state is kept (DESIGN §10)
 * @param security authentication, TLS, rate limits and the access log (DESIGN §8)
 * @param alerts alert rules, evaluation interval and receivers (DESIGN §12)
 * @param cluster whether this is one replica of a cluster, and its name (DESIGN §11)
 */
public record ServerConfig(
    String host,
    int port,
    Duration maxDataAge,
    Duration cleanupInterval,
    Duration staleThreshold,
    List<String> corsOrigins,
    long maxBodySize,
    Duration shutdownGrace,
    Duration wsIdleTimeout,
    int wsSendBuffer,
    Duration httpIdleTimeout,
    Duration headerTimeout,
    StorageConfig storage,
    SecurityConfig security,
    AlertConfig alerts,
    ClusterConfig cluster) {

  /** Validates every value; messages name the setting as the flag does. */
  public ServerConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535: " + port);
    }
    positive("max-data-age", maxDataAge);
    positive("cleanup-interval", cleanupInterval);
    positive("stale-node-threshold", staleThreshold);
    positive("shutdown-grace", shutdownGrace);
    positive("ws-idle-timeout", wsIdleTimeout);
    positive("http-idle-timeout", httpIdleTimeout);
    positive("header-timeout", headerTimeout);
    corsOrigins = List.copyOf(corsOrigins); // empty: same origin only, no CORS headers
    if (maxBodySize <= 0) {
      throw new IllegalArgumentException("max-body-size must be positive: " + maxBodySize);
    }
    if (wsSendBuffer <= 0) {
      throw new IllegalArgumentException("ws send buffer must be positive: " + wsSendBuffer);
    }
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(cluster, "cluster");
    if (cluster.clustered() && storage.mode() != StorageConfig.Mode.POSTGRES) {
      throw new IllegalArgumentException("-cluster needs -storage postgres (the shared record)");
    }
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults of DESIGN §5. */
  public static ServerConfig defaults() {
    return builder().build();
  }

  /** Builds a {@link ServerConfig}. Not thread-safe. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private Duration maxDataAge = Duration.ofHours(1);
    private Duration cleanupInterval = Duration.ofMinutes(5);
    private Duration staleThreshold = Duration.ofMinutes(5);
    private List<String> corsOrigins = List.of("*");
    private long maxBodySize = 16L << 20;
    private Duration shutdownGrace = Duration.ofSeconds(10);
    private Duration wsIdleTimeout = Duration.ofSeconds(60);
    private int wsSendBuffer = 4096;
    private Duration httpIdleTimeout = Duration.ofSeconds(30);
    private Duration headerTimeout = Duration.ofSeconds(10);
    private StorageConfig storage = StorageConfig.memory();
    private SecurityConfig security = SecurityConfig.open();
    private AlertConfig alerts = AlertConfig.defaults();
    private ClusterConfig cluster = ClusterConfig.alone();

    private Builder() {}

    /** Replicas and the node id (default: alone). */
    public Builder cluster(ClusterConfig value) {
      cluster = value;
      return this;
    }

    /** Authentication, TLS, rate limits, access log (default: all off). */
    public Builder security(SecurityConfig value) {
      security = value;
      return this;
    }

    /** Alert rules, interval and receivers (default: none, every 15s). */
    public Builder alerts(AlertConfig value) {
      alerts = value;
      return this;
    }

    /** Deadline for a request's headers (default 10s). */
    public Builder headerTimeout(Duration value) {
      headerTimeout = value;
      return this;
    }

    /** Where state is kept (default: in memory). */
    public Builder storage(StorageConfig value) {
      storage = value;
      return this;
    }

    /** Address to bind (default 0.0.0.0). */
    public Builder host(String value) {
      host = value;
      return this;
    }

    /** Port to bind (default 8080; 0 for any free port). */
    public Builder port(int value) {
      port = value;
      return this;
    }

    /** Time-series retention (default 1h). */
    public Builder maxDataAge(Duration value) {
      maxDataAge = value;
      return this;
    }

    /** Cleanup interval (default 5m). */
    public Builder cleanupInterval(Duration value) {
      cleanupInterval = value;
      return this;
    }

    /** Stale threshold (default 5m). */
    public Builder staleThreshold(Duration value) {
      staleThreshold = value;
      return this;
    }

    /** Allowed CORS origins (default {@code *}). */
    public Builder corsOrigins(List<String> value) {
      corsOrigins = value;
      return this;
    }

    /** Largest request body in bytes (default 16 MiB). */
    public Builder maxBodySize(long value) {
      maxBodySize = value;
      return this;
    }

    /** Shutdown grace period (default 10s). */
    public Builder shutdownGrace(Duration value) {
      shutdownGrace = value;
      return this;
    }

    /** WebSocket idle timeout (default 60s). */
    public Builder wsIdleTimeout(Duration value) {
      wsIdleTimeout = value;
      return this;
    }

    /** Unsent messages a WebSocket client may have before it is closed (default 4096). */
    public Builder wsSendBuffer(int value) {
      wsSendBuffer = value;
      return this;
    }

    /** HTTP connection idle timeout (default 30s). */
    public Builder httpIdleTimeout(Duration value) {
      httpIdleTimeout = value;
      return this;
    }

    /** Validates and builds. */
    public ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          maxDataAge,
          cleanupInterval,
          staleThreshold,
          corsOrigins,
          maxBodySize,
          shutdownGrace,
          wsIdleTimeout,
          wsSendBuffer,
          httpIdleTimeout,
          headerTimeout,
          storage,
          security,
          alerts,
          cluster);
    }
  }
}
