package io.orchestrator.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemoryClusterBusTest {
  private final InMemoryClusterBus.Group group = InMemoryClusterBus.group();

  @Test
  void aSlowReceiverMakesThePublisherWaitInsteadOfQueueingWithoutBoundOrDropping()
      throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    List<String> heard = new CopyOnWriteArrayList<>();
    ClusterBus slow = group.join(2);
    slow.start("slow", listener(heard, release));
    ClusterBus publisher = group.join(2);
    publisher.start("fast", listener(new CopyOnWriteArrayList<>(), new CountDownLatch(0)));

    // one event in the listener, two queued: the fourth publish waits for room
    Thread flood = floodUntilBlocked(publisher, 10, heard);

    release.countDown();
    flood.join(TimeUnit.SECONDS.toMillis(10));
    await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 10);
    assertThat(heard)
        .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> "a" + i).toList());
    assertThat(slow.state().received()).isEqualTo(10);
    slow.close();
    publisher.close();
  }

  @Test
  void aReceiverThatLeavesReleasesAPublisherWaitingForIt() throws InterruptedException {
    List<String> heard = new CopyOnWriteArrayList<>();
    ClusterBus stuck = group.join(1);
    stuck.start("stuck", listener(heard, new CountDownLatch(1))); // never released
    ClusterBus publisher = group.join(1);
    publisher.start("fast", listener(new CopyOnWriteArrayList<>(), new CountDownLatch(0)));
    Thread flood = floodUntilBlocked(publisher, 5, heard);

    stuck.close();

    flood.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(flood.isAlive()).isFalse();
    assertThat(publisher.state().published()).isEqualTo(5);
    publisher.close();
  }

  private static final Instant T = Instant.parse("2026-12-06T12:00:00Z");

  /**
   * Publishes heartbeats of agents a0, a1, … on a thread of its own, returned once that thread
   * waits for room and the receiver holds the first event.
   */
  private static Thread floodUntilBlocked(ClusterBus publisher, int events, List<String> heard) {
    Thread flood =
        new Thread(
            () ->
                IntStream.range(0, events)
                    .forEach(
                        i -> publisher.publish(new ClusterEvent.Heartbeat("fast", "a" + i, T))));
    flood.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> flood.getState() == Thread.State.WAITING && heard.size() == 1);
    return flood;
  }

  private static ClusterBus.Listener listener(List<String> heard, CountDownLatch release) {
    return new ClusterBus.Listener() {
      @Override
      public void onEvent(ClusterEvent event) {
        heard.add(((ClusterEvent.Heartbeat) event).agentId());
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void onReconnected() {}
    };
  }
}
