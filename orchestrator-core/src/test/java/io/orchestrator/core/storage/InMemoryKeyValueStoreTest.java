package io.orchestrator.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryKeyValueStoreTest {
  private final MutableClock clock = MutableClock.atBucketStart();
  private final InMemoryKeyValueStore<String> store = new InMemoryKeyValueStore<>(clock, 1_000);

  @Test
  void putGetDeleteExists() {
    store.put("a", "1");
    assertThat(store.get("a")).contains("1");
    assertThat(store.exists("a")).isTrue();
    store.put("a", "2");
    assertThat(store.get("a")).contains("2");
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.delete("a")).isTrue();
    assertThat(store.delete("a")).isFalse();
    assertThat(store.get("a")).isEmpty();
    assertThat(store.exists("a")).isFalse();
  }

  @Test
  void listByPrefixIsSortedAndFiltered() {
    store.put("agent/b", "B");
    store.put("agent/a", "A");
    store.put("other/x", "X");
    assertThat(store.list("agent/"))
        .containsExactly(java.util.Map.entry("agent/a", "A"), java.util.Map.entry("agent/b", "B"));
    assertThat(store.list("")).hasSize(3);
  }

  @Test
  void clearRemovesEverything() {
    store.put("a", "1");
    store.put("b", "2");
    store.clear(OperationContext.background());
    assertThat(store.size()).isZero();
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void entriesExpireAfterTheirTtl() {
    store.put("short", "s", Duration.ofSeconds(10));
    store.put("forever", "f");
    clock.advance(Duration.ofSeconds(9));
    assertThat(store.get("short")).contains("s");
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.get("short")).isEmpty();
    assertThat(store.exists("short")).isFalse();
    assertThat(store.list("")).containsOnlyKeys("forever");
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void purgeDropsExpiredEntriesAndFreesCapacity() {
    InMemoryKeyValueStore<String> small = new InMemoryKeyValueStore<>(clock, 2);
    small.put("a", "1", Duration.ofSeconds(1));
    small.put("b", "2", Duration.ofSeconds(1));
    assertThatThrownBy(() -> small.put("c", "3")).isInstanceOf(StoreFullException.class);
    clock.advance(Duration.ofSeconds(2));
    small.put("c", "3");
    assertThat(small.get("c")).contains("3");
    assertThat(small.purgeExpired()).isEqualTo(0);
  }

  @Test
  void atTheCapNewKeysAreRefusedButUpdatesWork() {
    InMemoryKeyValueStore<String> small = new InMemoryKeyValueStore<>(clock, 2);
    small.put("a", "1");
    small.put("b", "2");
    assertThatThrownBy(() -> small.put("c", "3"))
        .isInstanceOf(StoreFullException.class)
        .hasMessage("store is full: 2 entries");
    small.put("a", "updated");
    assertThat(small.get("a")).contains("updated");
    assertThat(small.get("c")).isEmpty();
    small.delete("b");
    small.put("c", "3");
    assertThat(small.size()).isEqualTo(2);
  }

  @Test
  void emptyKeyIsIllegal() {
    assertThatThrownBy(() -> store.put("", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.delete("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nonPositiveTtlIsIllegal() {
    assertThatThrownBy(() -> store.put("a", "x", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closedStoreRefusesEveryOperation() {
    store.put("a", "1");
    store.close();
    store.close();
    assertThatThrownBy(() -> store.get("a")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.put("b", "2")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.list("")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.size()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void cancelledContextStopsOperations() {
    OperationContext ctx = OperationContext.cancellable();
    store.put(ctx, "a", "1", null);
    ctx.cancel();
    assertThat(ctx.isDone()).isTrue();
    assertThatThrownBy(() -> store.get(ctx, "a")).isInstanceOf(CancellationException.class);
    assertThatThrownBy(() -> store.put(ctx, "b", "2", null))
        .isInstanceOf(CancellationException.class);
    assertThat(store.exists("b")).isFalse();
  }

  @Test
  void expiredDeadlineStopsOperations() {
    OperationContext ctx = OperationContext.withTimeout(clock, Duration.ofSeconds(5));
    store.put(ctx, "a", "1", null);
    clock.advance(Duration.ofSeconds(5));
    assertThatThrownBy(() -> store.get(ctx, "a"))
        .isInstanceOf(DeadlineExceededException.class)
        .hasMessageStartingWith("deadline exceeded");
    assertThatThrownBy(() -> store.list(ctx, "")).isInstanceOf(DeadlineExceededException.class);
    assertThatThrownBy(() -> OperationContext.withTimeout(clock, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void backgroundContextCannotBeCancelled() {
    OperationContext.background().cancel();
    assertThat(OperationContext.background().isDone()).isFalse();
  }

  @Test
  void concurrentWritersNeverExceedTheCapAndLoseNoUpdates() throws Exception {
    InMemoryKeyValueStore<Integer> shared = new InMemoryKeyValueStore<>(clock, 500);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  int stored = 0;
                  for (int i = 0; i < 200; i++) {
                    try {
                      shared.put("k" + thread + "-" + i, i);
                      stored++;
                    } catch (StoreFullException e) {
                      // expected once 500 keys exist
                    }
                  }
                  return stored;
                }));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get();
      }
      assertThat(total).isEqualTo(500);
      assertThat(shared.size()).isEqualTo(500);
    } finally {
      pool.shutdownNow();
    }
  }
}
