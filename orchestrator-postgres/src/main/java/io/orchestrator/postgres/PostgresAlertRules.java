package io.orchestrator.postgres;

import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.core.alert.AlertRuleStore;
import io.orchestrator.core.alert.RuleKind;
import io.orchestrator.core.alert.Severity;
import io.orchestrator.core.storage.StorageUnavailableException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert rules in PostgreSQL, shared by every replica. Changes write through at once; reads answer
 * from a copy on the heap that {@link #refresh()} reloads every few seconds, so a rule changed on
 * one replica is evaluated everywhere soon after. Thread-safe.
 */
final class PostgresAlertRules implements AlertRuleStore {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresAlertRules.class);
  private static final String UPSERT =
      "INSERT INTO alert_rules (name, kind, query, for_ms, severity, label_names, label_values,"
          + " annotation_names, annotation_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, query = EXCLUDED.query,"
          + " for_ms = EXCLUDED.for_ms, severity = EXCLUDED.severity,"
          + " label_names = EXCLUDED.label_names, label_values = EXCLUDED.label_values,"
          + " annotation_names = EXCLUDED.annotation_names,"
          + " annotation_values = EXCLUDED.annotation_values, updated_at = now()";

  private final Database db;
  private volatile Map<String, AlertRule> rules = Map.of();

  PostgresAlertRules(Database db) {
    this.db = db;
  }

  @Override
  public List<AlertRule> list() {
    return new ArrayList<>(rules.values());
  }

  @Override
  public Optional<AlertRule> get(String name) {
    return Optional.ofNullable(rules.get(name));
  }

  @Override
  public synchronized boolean put(AlertRule rule) {
    refresh();
    boolean created = !rules.containsKey(rule.name());
    AlertRuleStore.checkRoom(rules, rule.name());
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(UPSERT)) {
      ps.setString(1, rule.name());
      ps.setString(2, rule.kind().wireName());
      ps.setString(3, rule.query().text());
      ps.setLong(4, rule.forDuration().toMillis());
      ps.setString(5, rule.severity().wireName());
      ps.setArray(6, c.createArrayOf("text", rule.labels().keySet().toArray()));
      ps.setArray(7, c.createArrayOf("text", rule.labels().values().toArray()));
      ps.setArray(8, c.createArrayOf("text", rule.annotations().keySet().toArray()));
      ps.setArray(9, c.createArrayOf("text", rule.annotations().values().toArray()));
      ps.executeUpdate();
    } catch (SQLException e) {
      db.failed(e);
      throw new StorageUnavailableException(Database.describe(e), e);
    }
    refresh();
    return created;
  }

  @Override
  public synchronized boolean delete(String name) {
    int rows = db.update("DELETE FROM alert_rules WHERE name = ?", ps -> ps.setString(1, name));
    refresh();
    return rows > 0;
  }

  /** Reloads every rule; one that no longer parses is skipped and logged. */
  void refresh() {
    Map<String, AlertRule> fresh = new TreeMap<>();
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT name, kind, query, for_ms, severity, label_names, label_values,"
                    + " annotation_names, annotation_values FROM alert_rules");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        try {
          AlertRule r = read(rs);
          fresh.put(r.name(), r);
        } catch (IllegalArgumentException e) {
          LOG.warn("Alert rule {} in the database is not valid; skipped: {}", rs.getString(1), e);
        }
      }
    } catch (SQLException e) {
      db.failed(e);
      throw new StorageUnavailableException(Database.describe(e), e);
    }
    rules = fresh;
  }

  private static AlertRule read(ResultSet rs) throws SQLException {
    String kind = rs.getString("kind");
    String severity = rs.getString("severity");
    return AlertRule.builder(rs.getString("name"))
        .kind(RuleKind.fromWireName(kind).orElseThrow(() -> bad("kind", kind)))
        .query(rs.getString("query"))
        .forDuration(Duration.ofMillis(rs.getLong("for_ms")))
        .severity(Severity.fromWireName(severity).orElseThrow(() -> bad("severity", severity)))
        .labels(map(rs.getArray("label_names"), rs.getArray("label_values")))
        .annotations(map(rs.getArray("annotation_names"), rs.getArray("annotation_values")))
        .build();
  }

  private static IllegalArgumentException bad(String field, String value) {
    return new IllegalArgumentException(field + " " + value + " is unknown");
  }

  private static Map<String, String> map(Array names, Array values) throws SQLException {
    String[] n = (String[]) names.getArray();
    String[] v = (String[]) values.getArray();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < n.length && i < v.length; i++) {
      out.put(n[i], v[i]);
    }
    return out;
  }

  synchronized void clear() {
    db.update("DELETE FROM alert_rules", ps -> {});
    rules = Map.of();
  }
}
