package io.orchestrator.core.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Alert rules on the heap, at most {@value AlertRuleStore#MAX_RULES}. Thread-safe. */
public final class InMemoryAlertRuleStore implements AlertRuleStore {
  private final ConcurrentSkipListMap<String, AlertRule> rules = new ConcurrentSkipListMap<>();

  @Override
  public List<AlertRule> list() {
    return new ArrayList<>(rules.values());
  }

  @Override
  public Optional<AlertRule> get(String name) {
    return Optional.ofNullable(rules.get(name));
  }

  @Override
  public synchronized boolean put(AlertRule rule) {
    AlertRuleStore.checkRoom(rules, rule.name());
    return rules.put(rule.name(), rule) == null;
  }

  @Override
  public synchronized boolean delete(String name) {
    return rules.remove(name) != null;
  }

  /** Forgets every rule. */
  public synchronized void clear() {
    rules.clear();
  }
}
