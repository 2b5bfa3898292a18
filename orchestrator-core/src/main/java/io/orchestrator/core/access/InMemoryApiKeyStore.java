package io.orchestrator.core.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys on the heap, at most {@value #MAX_KEYS} (beyond that, creating one is refused). Thread-
 * safe.
 */
public final class InMemoryApiKeyStore implements ApiKeyStore {
  /** The most keys kept. */
  public static final int MAX_KEYS = 10_000;

  private final Map<String, ApiKey> byId = new ConcurrentHashMap<>();
  private final Map<String, String> idByHash = new ConcurrentHashMap<>();

  @Override
  public synchronized void create(ApiKey key) {
    if (byId.size() >= MAX_KEYS) {
      throw new IllegalStateException("at most " + MAX_KEYS + " API keys; revoke some first");
    }
    byId.put(key.id(), key);
    idByHash.put(key.secretHash(), key.id());
  }

  @Override
  public Optional<ApiKey> bySecretHash(String secretHash) {
    String id = idByHash.get(secretHash);
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  @Override
  public List<ApiKey> list() {
    List<ApiKey> out = new ArrayList<>(byId.values());
    out.sort(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id));
    return out;
  }

  @Override
  public synchronized boolean delete(String id) {
    ApiKey k = byId.remove(id);
    if (k != null) {
      idByHash.remove(k.secretHash());
    }
    return k != null;
  }

  @Override
  public void used(String id, Instant at) {
    byId.computeIfPresent(id, (k, v) -> v.usedAt(at));
  }

  /** Forgets every key. */
  public synchronized void clear() {
    byId.clear();
    idByHash.clear();
  }
}
