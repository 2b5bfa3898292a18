package io.orchestrator.postgres;

import io.orchestrator.core.access.ApiKey;
import io.orchestrator.core.access.ApiKeyStore;
import io.orchestrator.core.access.Role;
import io.orchestrator.core.storage.StorageUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys in PostgreSQL, shared by every replica. Creating and revoking write through at once;
 * lookups (one per authenticated request) answer from a copy on the heap that {@link #refresh()}
 * reloads every {@value PostgresStorage#KEY_REFRESH_SECONDS} seconds, so a key revoked on one
 * replica stops working on all within that time. Last-use times are written in batches by the same
 * refresh. Thread-safe.
 */
final class PostgresApiKeys implements ApiKeyStore {
  private final Database db;
  private volatile Map<String, ApiKey> byHash = Map.of();
  private final Map<String, Instant> used = new ConcurrentHashMap<>();

  PostgresApiKeys(Database db) {
    this.db = db;
  }

  @Override
  public void create(ApiKey key) {
    db.update(
        "INSERT INTO api_keys (id, name, role, agent_id, secret_hash, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, key.id());
          ps.setString(2, key.name());
          ps.setString(3, key.role().wireName());
          ps.setString(4, key.agentId());
          ps.setString(5, key.secretHash());
          ps.setObject(6, Sql.timestamp(key.createdAt()));
        });
    refresh();
  }

  @Override
  public Optional<ApiKey> bySecretHash(String secretHash) {
    return Optional.ofNullable(byHash.get(secretHash));
  }

  @Override
  public List<ApiKey> list() {
    List<ApiKey> out = new ArrayList<>(byHash.values());
    out.sort(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id));
    return out;
  }

  @Override
  public boolean delete(String id) {
    int rows = db.update("DELETE FROM api_keys WHERE id = ?", ps -> ps.setString(1, id));
    refresh();
    return rows > 0;
  }

  @Override
  public void used(String id, Instant at) {
    used.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Writes pending last-use times and reloads every key. */
  void refresh() {
    try (Connection c = db.connection()) {
      if (!used.isEmpty()) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE api_keys SET last_used_at = GREATEST(last_used_at, ?) WHERE id = ?")) {
          for (String id : List.copyOf(used.keySet())) {
            ps.setObject(1, Sql.timestamp(used.remove(id)));
            ps.setString(2, id);
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      Map<String, ApiKey> fresh = new ConcurrentHashMap<>();
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, name, role, agent_id, secret_hash, created_at, last_used_at"
                      + " FROM api_keys");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Role role = Role.fromWireName(rs.getString("role")).orElse(null);
          if (role != null) {
            ApiKey k =
                new ApiKey(
                    rs.getString("id"),
                    rs.getString("name"),
                    role,
                    rs.getString("agent_id"),
                    rs.getString("secret_hash"),
                    Sql.instant(rs, "created_at"),
                    Sql.instant(rs, "last_used_at"));
            fresh.put(k.secretHash(), k);
          }
        }
      }
      byHash = fresh;
    } catch (SQLException e) {
      db.failed(e);
      throw new StorageUnavailableException(Database.describe(e), e);
    }
  }

  void clear() {
    db.update("DELETE FROM api_keys", ps -> {});
    used.clear();
    byHash = Map.of();
  }
}
