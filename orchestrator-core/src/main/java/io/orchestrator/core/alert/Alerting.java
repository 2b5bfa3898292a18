package io.orchestrator.core.alert;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerting as the engine runs it: the rules in the storage, the evaluator, and the notifiers. The
 * engine calls {@link #evaluate()} every alert interval; tests call it after moving their clock.
 * Each evaluation publishes its changes and queues notifications without waiting for them.
 *
 * <p>Thread-safe: evaluations are serialised.
 */
public final class Alerting implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);

  private final AlertRuleStore rules;
  private final AlertContext context;
  private final AlertEvaluator evaluator = new AlertEvaluator();
  private final Notifications notifications;
  private final AtomicLong evaluations = new AtomicLong();
  private final FollowedAlerts following = new FollowedAlerts();

  /**
   * Alerting over {@code rules}, reading and publishing through {@code context}.
   *
   * @param notifiers who is told when alerts fire and resolve
   * @param settings how their deliveries are queued and retried
   */
  public Alerting(
      AlertRuleStore rules,
      AlertContext context,
      List<Notifier> notifiers,
      NotificationSettings settings) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.context = Objects.requireNonNull(context, "context");
    this.notifications = new Notifications(List.copyOf(notifiers), settings);
    if (!notifiers.isEmpty()) {
      LOG.info("Alert notifications go to {}", notifiers.stream().map(Notifier::name).toList());
    }
  }

  /** The rules, kept in the storage. */
  public AlertRuleStore rules() {
    return rules;
  }

  /** Runs one evaluation now: publishes each change and queues notifications. */
  public synchronized Evaluation evaluate() {
    if (following.active()) {
      // The lease moved here: continue the alerts the last holder raised instead of raising
      // them again (which would notify twice).
      evaluator.seed(rules.list(), following.alerts());
    }
    following.stop();
    Evaluation e =
        evaluator.evaluate(rules.list(), context::topology, context.agents(), context.now());
    evaluations.incrementAndGet();
    e.changes().forEach(context::publish);
    notifications.offer(e);
    if (!e.changes().isEmpty()) {
      LOG.debug("Alert evaluation: {} changes, {} active", e.changes().size(), e.active().size());
    }
    return e;
  }

  /**
   * Takes up an alert change from the replica that evaluates (DESIGN §11): this replica shows it
   * and tells its own subscribers, without evaluating.
   */
  public void follow(AlertEvent e) {
    following.apply(e, evaluator.unsorted());
    context.publish(e);
  }

  /**
   * The alerts pending or firing after the last evaluation, here or, on a replica that does not
   * evaluate, on the one that does.
   */
  public List<Alert> active() {
    return following.active() ? following.alerts() : evaluator.active();
  }

  /** Current figures. */
  public AlertStats stats() {
    List<Alert> active = following.active() ? following.alerts() : evaluator.unsorted();
    int firing = (int) active.stream().filter(a -> a.state() == AlertStatus.FIRING).count();
    return new AlertStats(
        rules.list().size(),
        active.size() - firing,
        firing,
        notifications.sent(),
        notifications.failed(),
        notifications.dropped(),
        evaluations.get(),
        evaluator.regexTrips());
  }

  /** Stops the notifiers' threads; queued deliveries are abandoned. */
  @Override
  public void close() {
    notifications.close();
  }
}
