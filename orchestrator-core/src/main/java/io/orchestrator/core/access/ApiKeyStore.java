package io.orchestrator.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where API keys are kept, hashed. Lookups by hash happen on every authenticated request, so an
 * implementation answers them from memory; a durable one refreshes that copy often enough that a
 * revocation takes effect everywhere within seconds. Implementations are thread-safe.
 */
public interface ApiKeyStore {
  /** Stores a new key; returns once it is durable. */
  void create(ApiKey key);

  /** The key whose secret hashes to {@code secretHash}. */
  Optional<ApiKey> bySecretHash(String secretHash);

  /** Every key, by creation time. */
  List<ApiKey> list();

  /** Revokes a key; true when it existed. Returns once durable. */
  boolean delete(String id);

  /** Notes that a key authenticated a request (stored lazily). */
  void used(String id, Instant at);
}
