package io.orchestrator.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orchestrator.core.cluster.ClusterBus;
import io.orchestrator.core.cluster.ClusterEvent;
import io.orchestrator.core.cluster.ClusterEventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bus on a real NATS server of the test's own, which it kills and starts again. */
class NatsClusterBusTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Heartbeats as text, enough to tell events apart. */
  private static final ClusterEventCodec CODEC =
      new ClusterEventCodec() {
        @Override
        public byte[] encode(ClusterEvent e) {
          ClusterEvent.Heartbeat h = (ClusterEvent.Heartbeat) e;
          return (h.origin() + " " + h.agentId() + " " + h.at()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public ClusterEvent decode(byte[] bytes) {
          String[] p = new String(bytes, StandardCharsets.UTF_8).split(" ", -1);
          if (p.length != 3) {
            throw new IllegalArgumentException("not three words");
          }
          return new ClusterEvent.Heartbeat(p[0], p[1], Instant.parse(p[2]));
        }
      };

  /** Records what a replica receives. */
  private static final class Recorder implements ClusterBus.Listener {
    final List<ClusterEvent> events = new CopyOnWriteArrayList<>();
    final AtomicInteger reconnects = new AtomicInteger();

    @Override
    public void onEvent(ClusterEvent event) {
      events.add(event);
    }

    @Override
    public void onReconnected() {
      reconnects.incrementAndGet();
    }

    List<String> agents() {
      return events.stream().map(e -> ((ClusterEvent.Heartbeat) e).agentId()).toList();
    }
  }

  private PrivateNats nats;
  private final List<ClusterBus> buses = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startNats() throws Exception {
    nats = PrivateNats.start();
  }

  @AfterEach
  void stop() {
    buses.forEach(ClusterBus::close);
    nats.close();
  }

  private ClusterBus join(String node, Recorder r) {
    ClusterBus bus = NatsClusterBus.connect(NatsBusConfig.of(List.of(nats.url())), CODEC);
    buses.add(bus);
    bus.start(node, r);
    return bus;
  }

  private static ClusterEvent beat(String origin, String agent) {
    return new ClusterEvent.Heartbeat(origin, agent, Instant.parse("2026-12-06T10:00:00Z"));
  }

  @Test
  void eachReplicaReceivesTheOthersEventsInOrderButNotItsOwn() {
    Recorder ra = new Recorder();
    Recorder rb = new Recorder();
    ClusterBus a = join("a", ra);
    ClusterBus b = join("b", rb);
    for (int i = 0; i < 100; i++) {
      a.publish(beat("a", "x" + i));
    }
    b.publish(beat("b", "from-b"));
    await().atMost(WAIT).until(() -> rb.events.size() == 100 && ra.events.size() == 1);
    assertThat(rb.agents()).startsWith("x0", "x1", "x2").endsWith("x99");
    assertThat(ra.agents()).containsExactly("from-b");
    await().atMost(WAIT).until(() -> a.state().published() == 100);
    assertThat(b.state().caughtUp()).isTrue();
    assertThat(b.state().connected()).isTrue();
  }

  @Test
  void aReplicaThatStartsLateReplaysWhatWasPublishedJustBefore() {
    ClusterBus a = join("a", new Recorder());
    a.publish(beat("a", "early"));
    await().atMost(WAIT).until(() -> a.state().published() == 1);
    Recorder late = new Recorder();
    ClusterBus b = join("b", late);
    await().atMost(WAIT).until(() -> late.agents().contains("early"));
    await().atMost(WAIT).until(() -> b.state().caughtUp());
  }

  @Test
  void afterANatsOutageTheBusReconnectsAndSaysSo() throws Exception {
    Recorder rb = new Recorder();
    ClusterBus a = join("a", new Recorder());
    ClusterBus b = join("b", rb);
    nats.kill();
    await().atMost(WAIT).until(() -> !b.state().connected());
    a.publish(beat("a", "lost")); // fails or waits in the client's buffer: counted, never thrown
    nats.startServer();
    await().atMost(WAIT).until(() -> rb.reconnects.get() >= 1 && b.state().connected());
    a.publish(beat("a", "after"));
    await().atMost(WAIT).until(() -> rb.agents().contains("after"));
  }
}
