package io.orchestrator.core.alert;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where alert rules are kept: part of the storage component, so rules survive restarts and every
 * replica on the same storage evaluates the same ones. Evaluation lists the rules every cycle, so
 * an implementation answers {@link #list()} from memory; a durable one refreshes that copy often
 * enough that a change made on one replica reaches the others within seconds. Implementations are
 * thread-safe and hold at most {@value #MAX_RULES} rules.
 */
public interface AlertRuleStore {
  /** The most rules a store holds. */
  int MAX_RULES = 1_000;

  /**
   * The cap every implementation enforces in {@link #put}.
   *
   * @param existing the rules held now, by name
   * @param name the rule being put
   * @throws IllegalStateException when {@code name} is new and the store is full
   */
  static void checkRoom(Map<String, ?> existing, String name) {
    if (!existing.containsKey(name) && existing.size() >= MAX_RULES) {
      throw new IllegalStateException("at most " + MAX_RULES + " alert rules; delete some first");
    }
  }

  /** Every rule, by name. */
  List<AlertRule> list();

  /** The rule named {@code name}. */
  Optional<AlertRule> get(String name);

  /**
   * Adds a rule or replaces the one of the same name; returns once durable.
   *
   * @return true when it was new
   * @throws IllegalStateException when the rule is new and {@value #MAX_RULES} rules exist
   */
  boolean put(AlertRule rule);

  /** Deletes a rule; true when it existed. Returns once durable. */
  boolean delete(String name);
}
