package io.orchestrator.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.report.InvalidReportException;
import io.orchestrator.core.storage.InMemoryKeyValueStore;
import io.orchestrator.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentRegistryTest {
  private final MutableClock clock = MutableClock.atBucketStart();
  private final AgentRegistry registry =
      new AgentRegistry(
          new InMemoryKeyValueStore<>(clock, 100),
          clock,
          Duration.ofMinutes(5),
          Duration.ofHours(1));

  @Test
  void firstRegistrationIsNewAndReRegistrationReplacesMetadata() {
    Instant first = clock.instant();
    assertThat(registry.register(new Registration("a", "host-a", Map.of("env", "prod")))).isTrue();
    clock.advance(Duration.ofSeconds(30));
    assertThat(registry.register(new Registration("a", "host-a2", Map.of("zone", "z1")))).isFalse();
    Agent a = registry.get("a").orElseThrow();
    assertThat(a.hostname()).isEqualTo("host-a2");
    assertThat(a.metadata()).containsExactly(Map.entry("zone", "z1"));
    assertThat(a.registeredAt()).isEqualTo(first);
    assertThat(a.lastSeen()).isEqualTo(clock.instant());
    assertThat(a.lastReportAt()).isNull();
  }

  @Test
  void registrationIsValidated() {
    assertThatThrownBy(() -> new Registration("", "h", null))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("agent_id must not be blank");
    assertThatThrownBy(() -> new Registration("a", " ", null))
        .hasMessage("hostname must not be blank");
  }

  @Test
  void heartbeatRefreshesKnownAgentsOnly() {
    registry.register(new Registration("a", "h", null));
    clock.advance(Duration.ofMinutes(1));
    assertThat(registry.heartbeat("a")).isTrue();
    assertThat(registry.get("a").orElseThrow().lastSeen()).isEqualTo(clock.instant());
    assertThat(registry.heartbeat("ghost")).isFalse();
    assertThat(registry.get("ghost")).isEmpty();
  }

  @Test
  void firstReportRegistersImplicitly() {
    assertThat(registry.reported("p", "host-p")).isTrue();
    assertThat(registry.reported("p", "other")).isFalse();
    Agent p = registry.get("p").orElseThrow();
    assertThat(p.hostname()).isEqualTo("host-p");
    assertThat(p.lastReportAt()).isEqualTo(clock.instant());
  }

  @Test
  void silentAgentBecomesStaleThenActiveAgain() {
    registry.register(new Registration("a", "h", null));
    clock.advance(Duration.ofMinutes(5));
    assertThat(registry.get("a").orElseThrow().status()).isEqualTo(AgentStatus.ACTIVE);
    clock.advance(Duration.ofSeconds(1));
    assertThat(registry.get("a").orElseThrow().status()).isEqualTo(AgentStatus.STALE);
    assertThat(AgentStatus.STALE.wireName()).isEqualTo("stale");
    registry.heartbeat("a");
    assertThat(registry.get("a").orElseThrow().status()).isEqualTo(AgentStatus.ACTIVE);
  }

  @Test
  void agentSilentPastRetentionIsForgotten() {
    registry.register(new Registration("a", "h", null));
    clock.advance(Duration.ofHours(1));
    assertThat(registry.get("a")).isEmpty();
    assertThat(registry.list()).isEmpty();
  }

  @Test
  void listIsSortedById() {
    registry.register(new Registration("zeta", "h", null));
    registry.register(new Registration("alpha", "h", null));
    registry.reported("mid", "h");
    assertThat(registry.list()).extracting(Agent::agentId).containsExactly("alpha", "mid", "zeta");
    assertThat(registry.remove("mid")).isTrue();
    assertThat(registry.list()).extracting(Agent::agentId).containsExactly("alpha", "zeta");
  }

  @Test
  void retentionShorterThanStaleThresholdIsRejected() {
    assertThatThrownBy(
            () ->
                new AgentRegistry(
                    new InMemoryKeyValueStore<>(clock, 1),
                    clock,
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
