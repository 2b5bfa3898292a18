package io.orchestrator.server.security;

import java.util.Objects;

/**
 * Who may call the server and how (DESIGN §8). Off and open by default, as the compatible server
 * was. Immutable and thread-safe; {@link #toString()} never shows a secret. Build with {@link
 * #builder()}.
 *
 * @param auth every route but health, ping and preflights needs a credential
 * @param adminKey a bootstrap admin credential, or null
 * @param jwt accepted JWTs, or null for none
 * @param tls the certificate to serve HTTPS with, or null for plain HTTP
 * @param rateLimit requests per second per client, 0 for no limit
 * @param rateLimitBurst requests a client may make at once
 * @param accessLog "off", "stdout", or a file path
 */
public record SecurityConfig(
    boolean auth,
    String adminKey,
    JwtConfig jwt,
    TlsConfig tls,
    double rateLimit,
    int rateLimitBurst,
    String accessLog) {

  /** Validates; messages name the flag. */
  public SecurityConfig {
    if (adminKey != null && adminKey.length() < 16) {
      throw new IllegalArgumentException("admin-key must be at least 16 characters");
    }
    if (rateLimit < 0 || Double.isNaN(rateLimit) || Double.isInfinite(rateLimit)) {
      throw new IllegalArgumentException("rate-limit must be a non-negative number");
    }
    if (rateLimitBurst < 1) {
      throw new IllegalArgumentException("rate-limit-burst must be at least 1");
    }
    Objects.requireNonNull(accessLog, "accessLog");
  }

  /** Everything off, as the compatible server. */
  public static SecurityConfig open() {
    return builder().build();
  }

  /** A builder starting from {@link #open()}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "SecurityConfig[auth="
        + auth
        + ", adminKey="
        + (adminKey == null ? "none" : "***")
        + ", jwt="
        + jwt
        + ", tls="
        + tls
        + ", rateLimit="
        + rateLimit
        + ", rateLimitBurst="
        + rateLimitBurst
        + ", accessLog="
        + accessLog
        + "]";
  }

  /** Builds a {@link SecurityConfig}. Not thread-safe. */
  public static final class Builder {
    private boolean auth;
    private String adminKey;
    private JwtConfig jwt;
    private TlsConfig tls;
    private double rateLimit;
    private Integer rateLimitBurst;
    private String accessLog = "off";

    private Builder() {}

    /** Credentials required (default off). */
    public Builder auth(boolean value) {
      auth = value;
      return this;
    }

    /** A bootstrap admin credential (default none). */
    public Builder adminKey(String value) {
      adminKey = value;
      return this;
    }

    /** Accepted JWTs (default none). */
    public Builder jwt(JwtConfig value) {
      jwt = value;
      return this;
    }

    /** HTTPS with this certificate (default plain HTTP). */
    public Builder tls(TlsConfig value) {
      tls = value;
      return this;
    }

    /** Requests per second per client (default 0: none). */
    public Builder rateLimit(double value) {
      rateLimit = value;
      return this;
    }

    /** Burst (default twice the rate, at least 1). */
    public Builder rateLimitBurst(int value) {
      rateLimitBurst = value;
      return this;
    }

    /** "off" (default), "stdout" or a file. */
    public Builder accessLog(String value) {
      accessLog = value;
      return this;
    }

    /** Validates and builds. */
    public SecurityConfig build() {
      int burst =
          rateLimitBurst != null ? rateLimitBurst : Math.max(1, (int) Math.ceil(2 * rateLimit));
      return new SecurityConfig(auth, adminKey, jwt, tls, rateLimit, burst, accessLog);
    }
  }
}
