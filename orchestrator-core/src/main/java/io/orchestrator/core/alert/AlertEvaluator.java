package io.orchestrator.core.alert;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Moves alerts through their states (DESIGN §12), one evaluation at a time. Pure apart from its
 * memory of active alerts: the instant, rules, topology and agents are given, so a test moves a
 * clock and never sleeps. A condition that holds makes an alert pending (firing at once when the
 * rule's {@code for} is zero); one that has held for {@code for} fires; one that no longer holds is
 * resolved, once, and forgotten. A deleted rule resolves its alerts, and a changed rule whose
 * labels change resolves the old alert and starts a new one. Thread-safe: evaluations are
 * serialised.
 */
public final class AlertEvaluator {
  /** By rule, then labels in name order: how active alerts are listed. */
  static final Comparator<Alert> ORDER =
      Comparator.comparing(Alert::rule).thenComparing(Alert::labels, AlertEvaluator::compare);

  /** A rule as last evaluated: its templates, and its alerts by subject key. */
  private record RuleState(AlertRule rule, Templates templates, Map<String, Alert> alerts) {}

  private final RuleMatcher matcher = new RuleMatcher();
  private Map<String, RuleState> active = new HashMap<>(); // guarded by this
  private volatile List<Alert> snapshot = List.of();
  private volatile List<Alert> sorted = List.of(); // snapshot in order, made on first read

  /**
   * Evaluates {@code rules} at {@code now} over the topology and agents as they stand; the topology
   * is asked for only if a node or edge rule needs it.
   */
  public synchronized Evaluation evaluate(
      List<AlertRule> rules, Supplier<Topology> topology, List<Agent> agents, Instant now) {
    long start = System.nanoTime();
    Map<String, Map<String, RuleMatcher.Hit>> matches = matcher.match(rules, topology, agents, now);
    List<AlertEvent> changes = new ArrayList<>();
    Map<String, RuleState> next = new HashMap<>();
    for (AlertRule r : rules) {
      RuleState before = active.get(r.name());
      boolean same = before != null && before.rule().equals(r);
      Templates templates = same ? before.templates() : Templates.of(r.annotations());
      Map<String, Alert> after = new HashMap<>();
      for (RuleMatcher.Hit hit : matches.get(r.name()).values()) {
        Alert prev = before == null ? null : before.alerts().get(hit.key());
        Map<String, String> labels = prev != null && same ? prev.labels() : hit.labels(r);
        if (prev != null && !labels.equals(prev.labels())) {
          changes.add(new AlertEvent(AlertStatus.RESOLVED, prev, now));
          prev = null; // the rule's labels changed: a new alert
        }
        after.put(hit.key(), step(r, prev, same, labels, hit.value(), templates, now, changes));
      }
      next.put(r.name(), new RuleState(r, templates, after));
    }
    for (RuleState s : active.values()) {
      RuleState n = next.get(s.rule().name());
      s.alerts()
          .forEach(
              (key, a) -> {
                if (n == null || !n.alerts().containsKey(key)) {
                  changes.add(new AlertEvent(AlertStatus.RESOLVED, a, now));
                }
              });
    }
    active = next;
    List<Alert> all = new ArrayList<>();
    next.values().forEach(s -> all.addAll(s.alerts().values()));
    snapshot = List.copyOf(all);
    sorted = null;
    return new Evaluation(now, changes, snapshot, Duration.ofNanos(System.nanoTime() - start));
  }

  private static Alert step(
      AlertRule r,
      Alert prev,
      boolean sameRule,
      Map<String, String> labels,
      Double value,
      Templates templates,
      Instant now,
      List<AlertEvent> changes) {
    Instant since = prev == null ? now : prev.activeSince();
    Instant firedAt = prev == null ? null : prev.firedAt();
    if (firedAt == null && !now.isBefore(since.plus(r.forDuration()))) {
      firedAt = now;
    }
    AlertStatus state = firedAt == null ? AlertStatus.PENDING : AlertStatus.FIRING;
    boolean sameValue = prev != null && Objects.equals(prev.value(), value);
    if (sameRule && sameValue && prev.state() == state) {
      return prev; // nothing to say, nothing to build
    }
    Map<String, String> annotations =
        sameRule && prev != null && (sameValue || !templates.usesValue())
            ? prev.annotations()
            : templates.fill(labels, value);
    Alert a = new Alert(r.name(), state, labels, annotations, since, firedAt, value);
    if (prev == null || prev.state() != state) {
      changes.add(new AlertEvent(state, a, now));
    }
    return a;
  }

  /**
   * Takes over {@code alerts} as if this evaluator had raised them (DESIGN §11: the lease moved
   * here): the next evaluation continues them, so an alert that was firing fires on without being
   * announced again. Alerts of rules not in {@code rules} are dropped.
   */
  public synchronized void seed(List<AlertRule> rules, List<Alert> alerts) {
    Map<String, AlertRule> byName = new HashMap<>();
    rules.forEach(r -> byName.put(r.name(), r));
    Map<String, RuleState> next = new HashMap<>();
    for (Alert a : alerts) {
      AlertRule r = byName.get(a.rule());
      String key = r == null ? null : RuleMatcher.keyOf(r, a.labels());
      if (key != null) {
        next.computeIfAbsent(
                r.name(), n -> new RuleState(r, Templates.of(r.annotations()), new HashMap<>()))
            .alerts()
            .put(key, a);
      }
    }
    active = next;
    List<Alert> all = new ArrayList<>();
    next.values().forEach(st -> all.addAll(st.alerts().values()));
    snapshot = List.copyOf(all);
    sorted = null;
  }

  /** Label sets in name order compared entry by entry, without building strings. */
  private static int compare(Map<String, String> a, Map<String, String> b) {
    Iterator<Map.Entry<String, String>> i = a.entrySet().iterator();
    Iterator<Map.Entry<String, String>> j = b.entrySet().iterator();
    while (i.hasNext() && j.hasNext()) {
      Map.Entry<String, String> x = i.next();
      Map.Entry<String, String> y = j.next();
      int c = x.getKey().compareTo(y.getKey());
      if (c == 0) {
        c = x.getValue().compareTo(y.getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(i.hasNext(), j.hasNext());
  }

  /** The alerts pending or firing after the last evaluation, by rule then labels. */
  public List<Alert> active() {
    List<Alert> s = sorted;
    if (s == null) {
      List<Alert> copy = new ArrayList<>(snapshot);
      copy.sort(ORDER);
      s = List.copyOf(copy);
      sorted = s; // a race only sorts twice
    }
    return s;
  }

  /** The same alerts in no particular order (for counting). */
  List<Alert> unsorted() {
    return snapshot;
  }

  /**
   * Times since start that a rule stopped matching in an evaluation: its regex was too expensive.
   */
  public long regexTrips() {
    return matcher.regexTrips();
  }

  /** Matches dropped since start because a rule had 10,000 alerts already. */
  public synchronized long truncated() {
    return matcher.truncated();
  }
}
