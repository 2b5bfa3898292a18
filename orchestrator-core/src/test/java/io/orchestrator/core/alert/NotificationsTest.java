package io.orchestrator.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.topology.Topology;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries through {@link Alerting}: retries, refusals, drops, and never a blocked evaluation.
 */
class NotificationsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final NotificationSettings FAST =
      new NotificationSettings(4, 3, Duration.ofMillis(1), Duration.ofMillis(4));

  private final InMemoryAlertRuleStore rules = new InMemoryAlertRuleStore();
  private Alerting alerting;

  /** A context with no topology and one stale agent, so an agent_stale rule fires at once. */
  private static final class OneStaleAgent implements AlertContext {
    @Override
    public Topology topology() {
      return new Topology(Map.of(), Map.of(), Instant.EPOCH, 0);
    }

    @Override
    public List<Agent> agents() {
      Instant t = Instant.EPOCH;
      return List.of(
          new Agent(
              "a", "a.example", Map.of(), t, t, t, io.orchestrator.core.agent.AgentStatus.STALE));
    }

    @Override
    public Instant now() {
      return Instant.EPOCH.plusSeconds(600);
    }

    @Override
    public void publish(AlertEvent event) {}
  }

  /** A notifier that delivers once per notifiable change through {@code delivery}. */
  private static Notifier notifier(Notifier.Delivery delivery) {
    return new Notifier() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public List<Delivery> deliveries(Evaluation e) {
        return e.notifiable().stream().map(c -> delivery).toList();
      }
    };
  }

  private void start(Notifier.Delivery delivery) {
    rules.put(AlertRule.builder("Silent").kind(RuleKind.AGENT_STALE).build());
    alerting = new Alerting(rules, new OneStaleAgent(), List.of(notifier(delivery)), FAST);
  }

  @AfterEach
  void close() {
    alerting.close();
  }

  @Test
  void aDeliveryThatFailsIsRetriedUntilItArrives() {
    AtomicInteger tries = new AtomicInteger();
    start(
        () -> {
          if (tries.incrementAndGet() < 3) {
            throw new IOException("connection refused");
          }
        });
    alerting.evaluate();
    await().atMost(WAIT).until(() -> alerting.stats().notificationsSent() == 1);
    assertThat(tries).hasValue(3);
    assertThat(alerting.stats().notificationsFailed()).isZero();
  }

  @Test
  void aDeliveryOutOfTriesCountsAsFailed() {
    AtomicInteger tries = new AtomicInteger();
    start(
        () -> {
          tries.incrementAndGet();
          throw new IOException("connection refused");
        });
    alerting.evaluate();
    await().atMost(WAIT).until(() -> alerting.stats().notificationsFailed() == 1);
    assertThat(tries).hasValue(FAST.attempts());
    assertThat(alerting.stats().notificationsSent()).isZero();
  }

  @Test
  void aRefusedDeliveryIsNotRetried() {
    AtomicInteger tries = new AtomicInteger();
    start(
        () -> {
          tries.incrementAndGet();
          throw new Notifier.RejectedDeliveryException("HTTP 400");
        });
    alerting.evaluate();
    await().atMost(WAIT).until(() -> alerting.stats().notificationsFailed() == 1);
    assertThat(tries).hasValue(1);
  }

  @Test
  void aHangingReceiverNeverBlocksEvaluationAndItsOverflowIsDroppedAndCounted()
      throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    start(
        () -> {
          entered.countDown();
          release.await();
        });
    alerting.evaluate(); // fires: one delivery, which hangs
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    // Each time the rule is replaced its alert resolves and fires again: two deliveries a round.
    for (int i = 0; i < 5; i++) {
      rules.put(
          AlertRule.builder("Silent")
              .kind(RuleKind.AGENT_STALE)
              .labels(Map.of("round", Integer.toString(i)))
              .build());
      alerting.evaluate();
    }
    AlertStats s = alerting.stats();
    assertThat(s.notificationsDropped()).isEqualTo(10 - FAST.queueCapacity());
    assertThat(s.notificationsFailed()).isEqualTo(s.notificationsDropped());
    release.countDown();
    await().atMost(WAIT).until(() -> alerting.stats().notificationsSent() == 5);
  }
}
