package io.orchestrator.core.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which agent's slice holds each node id or edge key. Most keys have one contributor; a key that
 * several agents contribute (a container id two hosts report, an edge both ends count) belongs to
 * the least agent id among them, so the choice never depends on the order reports arrived in.
 *
 * <p>The key-to-agent map is persistent (structurally shared), so a snapshot keeps the version it
 * was built with while the next build changes only the keys one report touched. Not thread-safe:
 * one writer (the aggregator's builder) at a time; published versions are immutable.
 */
final class KeyOwners {
  private io.vavr.collection.HashMap<String, String> owners = io.vavr.collection.HashMap.empty();
  private final Map<String, TreeSet<String>> shared = new HashMap<>();

  /** The current key-to-agent map, immutable. */
  io.vavr.collection.HashMap<String, String> published() {
    return owners;
  }

  /** The agent whose slice holds {@code key}, or null. */
  String owner(String key) {
    return owners.getOrElse(key, null);
  }

  /** The contributors of a key several agents contribute, in id order; null when only one. */
  Set<String> contributors(String key) {
    return shared.get(key);
  }

  /** Records that {@code agentId} contributes {@code key}; the slices to rebuild go to touched. */
  void add(String key, String agentId, Set<String> touched) {
    String current = owners.getOrElse(key, null);
    if (current == null) {
      owners = owners.put(key, agentId);
      return;
    }
    TreeSet<String> all = shared.computeIfAbsent(key, k -> new TreeSet<>(Set.of(current)));
    all.add(agentId);
    settle(key, current, all.first(), touched);
  }

  /** Records that {@code agentId} no longer contributes {@code key}. */
  void remove(String key, String agentId, Set<String> touched) {
    TreeSet<String> all = shared.get(key);
    if (all == null) {
      owners = owners.remove(key);
      return;
    }
    all.remove(agentId);
    if (all.size() == 1) {
      shared.remove(key);
    }
    settle(key, owners.getOrElse(key, null), all.first(), touched);
  }

  /** A shared key's value changed: its owner's slice holds the merged value. */
  void changed(String key, Set<String> touched) {
    if (shared.containsKey(key)) {
      touched.add(owners.getOrElse(key, null));
    }
  }

  private void settle(String key, String before, String after, Set<String> touched) {
    if (!after.equals(before)) {
      owners = owners.put(key, after);
      touched.add(before);
    }
    touched.add(after);
  }
}
