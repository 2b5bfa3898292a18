package io.orchestrator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orchestrator.core.cluster.Member;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresMembershipTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static LocalDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = new LocalDatabase();
    join("migrate").close(); // creates the tables and leaves no lease behind
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private static PostgresMembership join(String node) {
    return PostgresMembership.join(db.config(), node, node + ":8080");
  }

  @Test
  void oneReplicaHoldsTheLeaseAndAnotherTakesItWhenItLeaves() {
    db.execute("DELETE FROM cluster_lease");
    PostgresMembership a = join("lease-a");
    try (PostgresMembership b = join("lease-b")) {
      assertThat(a.leader()).isTrue();
      assertThat(b.leader()).isFalse();
      await()
          .atMost(WAIT)
          .until(() -> b.members().stream().map(Member::nodeId).toList().contains("lease-a"));
      assertThat(b.members())
          .filteredOn(Member::leader)
          .extracting(Member::nodeId)
          .containsExactly("lease-a");
      a.close();
      await().atMost(WAIT).until(b::leader);
      await()
          .atMost(WAIT)
          .until(() -> b.members().stream().noneMatch(m -> m.nodeId().equals("lease-a")));
    } finally {
      a.close(); // idempotent
    }
  }

  @Test
  void aDeadReplicasLeaseIsTakenOnlyOnceItExpires() {
    db.execute(
        "INSERT INTO cluster_lease (name, holder, expires_at) VALUES ('duties', 'ghost',"
            + " now() + interval '3 seconds') ON CONFLICT (name) DO UPDATE SET holder = 'ghost',"
            + " expires_at = EXCLUDED.expires_at");
    try (PostgresMembership m = join("survivor")) {
      assertThat(m.leader()).as("the lease is still the dead replica's").isFalse();
      await().atMost(WAIT).until(m::leader);
    }
  }
}
