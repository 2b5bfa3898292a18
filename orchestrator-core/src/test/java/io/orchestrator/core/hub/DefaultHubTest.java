package io.orchestrator.core.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.testing.Reports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DefaultHubTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final DefaultHub hub = new DefaultHub(8, 2);

  @AfterEach
  void close() {
    hub.close();
  }

  /** A report_update event whose receive time, in seconds, is {@code n}. */
  private static Event report(String agent, int n) {
    Report report = Reports.agent(agent).build();
    return new Event(
        new HubEvent.ReportReceived(new ReceivedReport(report, Instant.ofEpochSecond(n), null)),
        Instant.EPOCH);
  }

  private static long n(Event e) {
    return ((HubEvent.ReportReceived) e.payload()).report().receivedAt().getEpochSecond();
  }

  /** Records what it receives and how it ended. */
  static final class Recorder implements Subscriber {
    final List<Event> events = new CopyOnWriteArrayList<>();
    final AtomicReference<CloseReason> closed = new AtomicReference<>();

    @Override
    public void onEvent(Event event) {
      events.add(event);
    }

    @Override
    public void onClose(CloseReason reason) {
      closed.set(reason);
    }
  }

  @Test
  void slowSubscriberIsClosedWhileOthersReceiveEverything() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Subscriber.CloseReason> slowClosed = new AtomicReference<>();
    hub.subscribe(
        EventFilter.ALL,
        new Subscriber() {
          @Override
          public void onEvent(Event event) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }

          @Override
          public void onClose(CloseReason reason) {
            slowClosed.set(reason);
          }
        });
    Recorder fast = new Recorder();
    hub.subscribe(EventFilter.ALL, fast);
    for (int i = 0; i < 100; i++) {
      hub.publish(report("a", i));
      int expected = i + 1;
      await()
          .pollInterval(Duration.ofMillis(1))
          .atMost(WAIT)
          .until(() -> fast.events.size() == expected);
    }
    release.countDown();
    await().atMost(WAIT).until(() -> slowClosed.get() == Subscriber.CloseReason.OVERFLOW);
    assertThat(fast.events).extracting(DefaultHubTest::n).startsWith(0L, 1L, 2L).hasSize(100);
    assertThat(hub.stats().overflowClosed()).isEqualTo(1);
    assertThat(hub.stats().subscribers()).isEqualTo(1);
    assertThat(fast.closed.get()).isNull();
  }

  @Test
  void filtersLimitTypesAndAgents() {
    Recorder onlyB = new Recorder();
    hub.subscribe(new EventFilter(Set.of(EventType.REPORT_UPDATE), Set.of("b")), onlyB);
    Recorder topo = new Recorder();
    Subscription s = hub.subscribe(new EventFilter(Set.of(EventType.AGENT_REMOVED), null), topo);
    hub.publish(report("a", 1));
    hub.publish(report("b", 2));
    hub.publish(new Event(new HubEvent.AgentRemoved("t"), Instant.EPOCH));
    await().atMost(WAIT).until(() -> onlyB.events.size() == 1 && topo.events.size() == 1);
    assertThat(n(onlyB.events.get(0))).isEqualTo(2);
    assertThat(topo.events.get(0).type()).isEqualTo(EventType.AGENT_REMOVED);
    s.filter(EventFilter.ALL);
    assertThat(s.filter()).isEqualTo(EventFilter.ALL);
    hub.publish(report("a", 3));
    await().atMost(WAIT).until(() -> topo.events.size() == 2);
    assertThat(onlyB.events).hasSize(1);
  }

  @Test
  void wantsReflectsOpenFilters() {
    assertThat(hub.wants(EventType.REPORT_UPDATE)).isFalse();
    Subscription s =
        hub.subscribe(new EventFilter(Set.of(EventType.TOPOLOGY_UPDATE), null), new Recorder());
    assertThat(hub.wants(EventType.TOPOLOGY_UPDATE)).isTrue();
    assertThat(hub.wants(EventType.REPORT_UPDATE)).isFalse();
    s.close();
    assertThat(s.isOpen()).isFalse();
    assertThat(hub.wants(EventType.TOPOLOGY_UPDATE)).isFalse();
  }

  @Test
  void throwingSubscriberIsClosedAndPublishCarriesOn() {
    AtomicReference<Subscriber.CloseReason> reason = new AtomicReference<>();
    hub.subscribe(
        EventFilter.ALL,
        new Subscriber() {
          @Override
          public void onEvent(Event event) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void onClose(CloseReason r) {
            reason.set(r);
          }
        });
    Recorder ok = new Recorder();
    hub.subscribe(EventFilter.ALL, ok);
    hub.publish(report("a", 1));
    hub.publish(report("a", 2));
    await().atMost(WAIT).until(() -> reason.get() == Subscriber.CloseReason.FAILED);
    await().atMost(WAIT).until(() -> ok.events.size() == 2);
  }

  @Test
  void eventsArriveInPublishOrder() {
    Recorder r = new Recorder();
    DefaultHub big = new DefaultHub(10_000, 2);
    try {
      big.subscribe(EventFilter.ALL, r);
      for (int i = 0; i < 5_000; i++) {
        big.publish(report("a", i));
      }
      await().atMost(WAIT).until(() -> r.events.size() == 5_000);
      for (int i = 0; i < 5_000; i++) {
        assertThat(n(r.events.get(i))).isEqualTo(i);
      }
      assertThat(big.stats().delivered()).isEqualTo(5_000);
      assertThat(big.stats().published()).isEqualTo(5_000);
    } finally {
      big.close();
    }
  }

  @Test
  void closingTheHubEndsEverySubscription() {
    Recorder r = new Recorder();
    hub.subscribe(EventFilter.ALL, r);
    hub.close();
    assertThat(r.closed.get()).isEqualTo(Subscriber.CloseReason.HUB_CLOSED);
    hub.publish(report("a", 1));
    assertThat(r.events).isEmpty();
    assertThatThrownBy(() -> hub.subscribe(EventFilter.ALL, new Recorder()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void encodingIsComputedOnceForAllSubscribers() {
    AtomicInteger encodings = new AtomicInteger();
    List<String> out = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 5; i++) {
      hub.subscribe(
          EventFilter.ALL, e -> out.add(e.encoded(ev -> "json-" + encodings.incrementAndGet())));
    }
    hub.publish(report("a", 1));
    await().atMost(WAIT).until(() -> out.size() == 5);
    assertThat(out).containsOnly("json-1");
    assertThat(encodings.get()).isEqualTo(1);
  }

  @Test
  void typesHaveWireNames() {
    assertThat(EventType.fromWireName("report_update")).contains(EventType.REPORT_UPDATE);
    assertThat(EventType.fromWireName("nope")).isEmpty();
    assertThat(report("a", 1).toString()).contains("report_update");
  }
}
