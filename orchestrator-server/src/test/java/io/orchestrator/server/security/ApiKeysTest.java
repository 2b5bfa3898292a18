package io.orchestrator.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.access.InMemoryApiKeyStore;
import io.orchestrator.core.access.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A key's last use is kept to the second, so a busy probe does not rewrite it per request. */
class ApiKeysTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-06T10:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
  private final ApiKeys keys = new ApiKeys(store, clock);

  private Instant lastUsed(String id) {
    return store.list().stream()
        .filter(k -> k.id().equals(id))
        .findFirst()
        .orElseThrow()
        .lastUsedAt();
  }

  @Test
  void lastUseIsRecordedAtMostOncePerSecond() {
    ApiKeys.Created created = keys.create("probe", Role.PROBE, null);
    Instant first = now.get();
    assertThat(keys.authenticate(created.secret())).isPresent();
    assertThat(lastUsed(created.key().id())).isEqualTo(first);

    now.set(first.plus(Duration.ofMillis(500)));
    assertThat(keys.authenticate(created.secret())).isPresent();
    assertThat(lastUsed(created.key().id())).as("within the second").isEqualTo(first);

    Instant later = first.plus(ApiKeys.USE_RESOLUTION);
    now.set(later);
    assertThat(keys.authenticate(created.secret())).isPresent();
    assertThat(lastUsed(created.key().id())).isEqualTo(later);
  }
}
