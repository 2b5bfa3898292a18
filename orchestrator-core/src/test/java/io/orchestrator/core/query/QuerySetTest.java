package io.orchestrator.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A query set answers exactly what each of its queries would, reading a shared metric once. */
class QuerySetTest {
  private static final Topology EMPTY = new Topology(Map.of(), Map.of(), Instant.EPOCH, 0);

  private static final List<Query> QUERIES =
      List.of(
          Query.parse("cpu > 50"),
          Query.parse("cpu >= 90 name:/^java/"),
          Query.parse("cpu != 0"),
          Query.parse("memory_mb < 100 state:S"),
          Query.parse("-cpu > 20"),
          Query.parse("name:nginx"),
          Query.parse("threads > 4 threads < 9"),
          Query.parse("/:80$/"));

  @Test
  void queriesComparingOneMetricShareOneRead() {
    assertThat(new QuerySet(QUERIES).guardMetrics()).containsExactly("cpu", "memory_mb", "threads");
  }

  @Test
  void matchesExactlyWhatEachQueryMatchesAlone() {
    QuerySet set = new QuerySet(QUERIES);
    int[] hits = new int[set.size()];
    Random random = new Random(3);
    String[] names = {"java", "nginx", "postgres", "node"};
    for (int i = 0; i < 2_000; i++) {
      Map<String, Object> metadata = new HashMap<>();
      if (random.nextInt(4) > 0) {
        metadata.put("cpu_usage", random.nextInt(4) == 0 ? 0.0 : random.nextDouble() * 100);
      }
      metadata.put("memory_mb", random.nextInt(200));
      metadata.put("threads", random.nextInt(12));
      metadata.put("state", random.nextBoolean() ? "S" : "R");
      metadata.put("cmdline", random.nextBoolean() ? "srv --listen :80" : "srv");
      Node n = new Node("n" + i, NodeType.PROCESS, names[i % names.length], null, metadata);
      NodeSubject s = NodeSubject.of(n, EMPTY);
      List<Integer> expected = new ArrayList<>();
      for (int q = 0; q < QUERIES.size(); q++) {
        if (QUERIES.get(q).matches(s)) {
          expected.add(q);
        }
      }
      int count = set.matching(s, hits);
      assertThat(Arrays.stream(hits, 0, count).boxed().toList())
          .as("node %s", metadata)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void refusesAnArrayTooShortForItsAnswer() {
    QuerySet set = new QuerySet(QUERIES);
    assertThatThrownBy(() -> set.matching(null, new int[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need room for 8 indexes");
  }
}
