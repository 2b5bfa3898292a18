package io.orchestrator.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StringCacheTest {
  private final StringCache cache = new StringCache();

  private String get(String s) {
    char[] padded = ("##" + s + "##").toCharArray(); // as a parser's buffer holds it
    return cache.get(padded, 2, s.length());
  }

  @Test
  void aRepeatedShortStringIsTheSameInstance() {
    String first = get("ESTABLISHED");
    assertThat(first).isEqualTo("ESTABLISHED");
    assertThat(get("ESTABLISHED")).isSameAs(first);
    assertThat(get("")).isEmpty();
  }

  @Test
  void longStringsAreReadButNotKept() {
    String longText = "x".repeat(StringCache.MAX_LENGTH + 1);
    String first = get(longText);
    assertThat(first).isEqualTo(longText);
    assertThat(get(longText)).isEqualTo(longText).isNotSameAs(first);
  }

  @Test
  void manyMoreStringsThanSlotsAllReadBackCorrectly() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < StringCache.SLOTS * 2; i++) {
      String s = "proc-" + i;
      assertThat(get(s)).isEqualTo(s);
      seen.add(s);
    }
    // Colliding strings (same length, same hash) are told apart by their characters.
    assertThat(get("Aa")).isEqualTo("Aa");
    assertThat(get("BB")).isEqualTo("BB");
    assertThat(get("Aa")).isEqualTo("Aa");
    assertThat(seen).hasSize(StringCache.SLOTS * 2);
  }

  @Test
  void aStringAskedForAgainOutlivesStringsSeenOnce() {
    String shared = get("ESTABLISHED");
    // Strings unique to each host hash onto every slot in turn; the shared state keeps its slot
    // because it is found again between them.
    for (int i = 0; i < StringCache.SLOTS * 4; i++) {
      assertThat(get("host-" + i)).isEqualTo("host-" + i);
      assertThat(get("ESTABLISHED")).isSameAs(shared);
    }
  }

  @Test
  void aSlotNobodyAsksForAgainTakesTheNextString() {
    for (int i = 0; i < StringCache.SLOTS * 4; i++) {
      get("once-" + i);
    }
    String last = get("once-" + (StringCache.SLOTS * 4 - 1));
    assertThat(get("once-" + (StringCache.SLOTS * 4 - 1))).isSameAs(last);
  }
}
