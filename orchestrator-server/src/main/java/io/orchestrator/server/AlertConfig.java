package io.orchestrator.server;

import io.orchestrator.core.alert.AlertRule;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Alerting settings (DESIGN §12). Immutable and thread-safe; {@link #toString()} never shows a
 * receiver's credentials.
 *
 * @param rules rules loaded at start (from {@code -alert-rules}); they replace stored rules of the
 *     same name
 * @param interval how often rules are evaluated
 * @param receivers who is told when alerts fire and resolve
 */
public record AlertConfig(List<AlertRule> rules, Duration interval, Receivers receivers) {
  /**
   * Where notifications go.
   *
   * @param webhooks URLs that get the Alertmanager webhook payload (version 4)
   * @param alertmanagers Alertmanager base URLs that get {@code POST /api/v2/alerts}
   * @param externalUrl how receivers link back to this server, or null for its own address
   */
  public record Receivers(List<URI> webhooks, List<URI> alertmanagers, URI externalUrl) {
    /** Copies the lists; each URL must be absolute http or https. */
    public Receivers {
      webhooks = checked("alert-webhook", webhooks);
      alertmanagers = checked("alertmanager-url", alertmanagers);
      if (externalUrl != null) {
        checked("external-url", List.of(externalUrl));
      }
    }

    /** No receivers. */
    public static Receivers none() {
      return new Receivers(List.of(), List.of(), null);
    }

    private static List<URI> checked(String flag, List<URI> urls) {
      for (URI u : urls) {
        String scheme = u.getScheme();
        if (u.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
          throw new IllegalArgumentException(flag + " must be http(s)://host[:port][/path]");
        }
      }
      return List.copyOf(urls);
    }

    @Override
    public String toString() {
      return "Receivers[webhooks="
          + webhooks.stream().map(AlertConfig::redacted).toList()
          + ", alertmanagers="
          + alertmanagers.stream().map(AlertConfig::redacted).toList()
          + "]";
    }
  }

  /** Validates. */
  public AlertConfig {
    rules = List.copyOf(rules);
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("alert-interval must be positive: " + interval);
    }
    Objects.requireNonNull(receivers, "receivers");
  }

  /** No rules, evaluation every 15 s, no receivers. */
  public static AlertConfig defaults() {
    return new AlertConfig(List.of(), Duration.ofSeconds(15), Receivers.none());
  }

  /** {@code scheme://host:port/path} without credentials or query. */
  public static String redacted(URI u) {
    return u.getScheme()
        + "://"
        + u.getHost()
        + (u.getPort() < 0 ? "" : ":" + u.getPort())
        + (u.getRawPath() == null ? "" : u.getRawPath());
  }
}
