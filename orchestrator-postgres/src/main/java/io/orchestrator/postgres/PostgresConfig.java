package io.orchestrator.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach PostgreSQL and what to keep there. Immutable and thread-safe; build with {@link
 * #builder(String)}. {@link #toString()} never shows the password.
 *
 * @param url {@code jdbc:postgresql://host:port/db} (a password in it is masked when shown)
 * @param user the user, or null to take it from the URL
 * @param password the password, or null to take it from the URL (or none)
 * @param historyRetention how long history and series stay in the database
 * @param poolSize connections in the pool (writers, readers, compaction, health probe)
 * @param writers concurrent group-commit writers
 */
public record PostgresConfig(
    String url,
    String user,
    String password,
    Duration historyRetention,
    int poolSize,
    int writers) {

  /** Validates; messages name the setting as the flag does. */
  public PostgresConfig {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql://") || url.length() == "jdbc:postgresql://".length()) {
      throw new IllegalArgumentException(
          "database-url must look like jdbc:postgresql://host:port/database: " + mask(url));
    }
    Objects.requireNonNull(historyRetention, "historyRetention");
    if (historyRetention.isNegative() || historyRetention.isZero()) {
      throw new IllegalArgumentException("history-retention must be positive: " + historyRetention);
    }
    if (writers < 1 || poolSize < writers + 2) {
      throw new IllegalArgumentException(
          "the pool needs at least two connections more than the " + writers + " writers");
    }
  }

  /** A builder for {@code url}, with 24 h of history, 2 writers and 8 connections. */
  public static Builder builder(String url) {
    return new Builder(url);
  }

  /** The URL with any password parameter masked. */
  public String maskedUrl() {
    return mask(url);
  }

  static String mask(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***")
        .replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
  }

  @Override
  public String toString() {
    return "PostgresConfig[url="
        + maskedUrl()
        + ", user="
        + user
        + ", password="
        + (password == null ? "none" : "***")
        + ", historyRetention="
        + historyRetention
        + ", poolSize="
        + poolSize
        + ", writers="
        + writers
        + "]";
  }

  /** Builds a {@link PostgresConfig}. Not thread-safe. */
  public static final class Builder {
    private final String url;
    private String user;
    private String password;
    private Duration historyRetention = Duration.ofHours(24);
    private int poolSize = 8;
    private int writers = 2;

    private Builder(String url) {
      this.url = url;
    }

    /** The user (default: from the URL). */
    public Builder user(String value) {
      user = value;
      return this;
    }

    /** The password (default: from the URL, or none). */
    public Builder password(String value) {
      password = value;
      return this;
    }

    /** How long history and series stay (default 24h). */
    public Builder historyRetention(Duration value) {
      historyRetention = value;
      return this;
    }

    /** Connections in the pool (default 8). */
    public Builder poolSize(int value) {
      poolSize = value;
      return this;
    }

    /** Concurrent group-commit writers (default 2). */
    public Builder writers(int value) {
      writers = value;
      return this;
    }

    /** Validates and builds. */
    public PostgresConfig build() {
      return new PostgresConfig(url, user, password, historyRetention, poolSize, writers);
    }
  }
}
