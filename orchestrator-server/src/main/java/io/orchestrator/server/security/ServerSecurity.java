package io.orchestrator.server.security;

import io.orchestrator.core.access.ApiKeyStore;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's security parts, made from its configuration: the authenticator (admin key, JWTs, API
 * keys), the key admin, and the rate limits with their sweep. Thread-safe.
 */
public final class ServerSecurity implements AutoCloseable {
  private final SecurityConfig config;
  private final ApiKeys keys;
  private final Authenticator authenticator;
  private final RateLimits limits;
  private final ScheduledExecutorService sweeper;

  /** The parts for {@code config}, with keys kept in {@code store}. */
  public ServerSecurity(SecurityConfig config, ApiKeyStore store, Clock clock) {
    this.config = config;
    this.keys = new ApiKeys(store, clock);
    this.authenticator = new Authenticator(config, keys, clock);
    if (config.rateLimit() > 0) {
      this.limits = new RateLimits(config.rateLimit(), config.rateLimitBurst());
      this.sweeper =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "orchestrator-rate-limit-sweep");
                t.setDaemon(true);
                return t;
              });
      Future<?> unused =
          sweeper.scheduleWithFixedDelay(
              () -> limits.sweep(System.nanoTime()), 30, 30, TimeUnit.SECONDS);
    } else {
      this.limits = null;
      this.sweeper = null;
    }
  }

  /** The configuration. */
  public SecurityConfig config() {
    return config;
  }

  /** The API keys. */
  public ApiKeys keys() {
    return keys;
  }

  /** The authenticator. */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** The rate limits, or null when there are none. */
  public RateLimits limits() {
    return limits;
  }

  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }
}
