package io.orchestrator.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth),
 * created for one test class and dropped after it. A missing server fails the test loudly. Shared
 * with the server's and the testkit's tests through this module's test jar.
 */
public final class LocalDatabase implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private final String name = "orch_pg_" + UUID.randomUUID().toString().substring(0, 8);

  public LocalDatabase() {
    admin("CREATE DATABASE " + name);
  }

  /** Its JDBC URL. */
  public String url() {
    return SERVER + name;
  }

  /** A configuration for it, as user postgres, with two hours of history. */
  public PostgresConfig config() {
    return PostgresConfig.builder(url())
        .user("postgres")
        .historyRetention(java.time.Duration.ofHours(2))
        .build();
  }

  public long sizeBytes() {
    try (Connection c = DriverManager.getConnection(SERVER + name, "postgres", "");
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public long count(String table) {
    return number("SELECT count(*) FROM " + table);
  }

  /** The number the query {@code sql} answers in its first column (0 for SQL NULL). */
  public long number(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER + name, "postgres", "");
        Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code sql} in this database (to set up what a test needs, e.g. a dead replica's lease).
   */
  public void execute(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER + name, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL must run on 127.0.0.1:5432 for this test: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }
}
