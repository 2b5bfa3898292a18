package io.orchestrator.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A regex that backtracks without end is refused instead of holding a thread: each match may read
 * its text only so many times. The timeouts only stop a regression from hanging the build.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RegexBudgetTest {
  private static final Topology EMPTY = new Topology(Map.of(), Map.of(), Instant.EPOCH, 0);

  private static NodeSubject process(String name, String cmdline) {
    Node n = new Node("p", NodeType.PROCESS, name, null, Map.of("cmdline", cmdline));
    return NodeSubject.of(n, EMPTY);
  }

  private static final String EVIL_TEXT = "a".repeat(40) + "!";

  @Test
  void aCatastrophicRegexIsRefusedNamingWhereItStands() {
    Query q = Query.parse("sshd name:/((a+)+)+b/");
    assertThatThrownBy(() -> q.matches(process(EVIL_TEXT, "sshd")))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.position()).isEqualTo(11))
        .hasMessageContaining("regex too expensive")
        .hasMessageContaining("41 characters")
        .hasMessageContaining("at position 11");
  }

  @Test
  void aRegexOverAnyTextIsRefusedToo() {
    Query q = Query.parse("/(a{1,30}){1,30}b/");
    assertThatThrownBy(() -> q.matches(process("sshd", EVIL_TEXT)))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("at position 1");
  }

  @Test
  void theSameRegexStillAnswersOnTextsItHandlesQuickly() {
    Query q = Query.parse("name:/((a+)+)+b/");
    assertThat(q.matches(process("aaaab", "x"))).isTrue();
    assertThat(q.matches(process("bbbb", "x"))).isFalse();
  }

  @Test
  void aRegexQuadraticOnALongCommandLineIsNotRefused() {
    String cmdline = "java " + "-Dx=y ".repeat(160) + "-jar app.jar"; // ~1 KB, no "zzz"
    assertThat(Query.parse("cmdline:/-D.*zzz/").matches(process("java", cmdline))).isFalse();
    assertThat(Query.parse("cmdline:/.*-D.*app/").matches(process("java", cmdline))).isTrue();
  }

  @Test
  void inAQuerySetOnlyTheCatastrophicQueryStopsMatching() {
    List<Query> queries = List.of(Query.parse("name:/((a+)+)+b/"), Query.parse("name:/^a/"));
    QuerySet set = new QuerySet(queries);
    int[] hits = new int[2];

    int n = set.matching(process(EVIL_TEXT, "x"), hits);
    assertThat(Arrays.stream(hits, 0, n).boxed().toList()).containsExactly(1);
    assertThat(set.tripped()).containsExactly(0);

    n = set.matching(process("aaaab", "x"), hits);
    assertThat(Arrays.stream(hits, 0, n).boxed().toList())
        .as("a tripped query stays out of this set")
        .containsExactly(1);
  }
}
