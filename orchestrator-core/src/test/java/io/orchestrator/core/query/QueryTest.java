package io.orchestrator.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.report.Container;
import io.orchestrator.core.report.ContainerStats;
import io.orchestrator.core.report.DockerInfo;
import io.orchestrator.core.report.ListeningPort;
import io.orchestrator.core.report.NetworkInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.ProcessesInfo;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.core.topology.TopologyAggregator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of DESIGN §9.1's grammar, its negation, every field, each operator and unit. */
class QueryTest {
  private static final String WEB = Reports.containerId("web");
  private static final Topology TOPOLOGY = topology();

  private static Topology topology() {
    Report host =
        Reports.agent("node-a")
            .host(93.5, 40)
            .process(7, "sshd", null)
            .connect(7, "10.0.0.5", "10.9.9.9", 22)
            .build();
    Report withContainer =
        new Report(
            "node-b",
            "node-b.example",
            null,
            host.hostInfo(),
            new DockerInfo(
                List.of(
                    new Container(
                        WEB,
                        "web-1",
                        "nginx:1.25",
                        null,
                        "Up 5 minutes",
                        "running",
                        null,
                        List.of(),
                        Map.of("app", "web", "tier", "front"),
                        new ContainerStats(61.5, 512, 2048, 25, 1, 2))),
                1,
                1,
                0,
                0,
                1,
                "24",
                null),
            new ProcessesInfo(
                List.of(
                    new ProcessInfo(
                        42,
                        "nginx",
                        "nginx -g daemon off, \"quoted\"",
                        "S",
                        1,
                        0,
                        0,
                        9,
                        3.5,
                        300,
                        12,
                        "/docker/" + WEB)),
                1,
                null),
            new NetworkInfo(
                List.of(),
                0,
                0,
                0,
                List.of(new ListeningPort("tcp", 8080, "0.0.0.0", 42, "nginx")),
                null));
    TopologyAggregator a = new TopologyAggregator(MutableClock.atBucketStart());
    a.apply(host);
    a.apply(withContainer);
    return a.snapshot();
  }

  private static Set<String> ids(String query) {
    Query q = Query.parse(query);
    return TOPOLOGY.nodes().values().stream()
        .filter(n -> q.matches(NodeSubject.of(n, TOPOLOGY)))
        .map(n -> n.id())
        .collect(Collectors.toSet());
  }

  private static Set<String> all() {
    return TOPOLOGY.nodes().keySet();
  }

  private static Set<String> except(Set<String> matched) {
    return all().stream().filter(id -> !matched.contains(id)).collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nginx | " + "WEB,node-b-42",
        "NGINX | " + "WEB,node-b-42",
        "\"daemon off\" | node-b-42",
        "/^ng.nx$/ | node-b-42",
        "id:node-a | node-a,node-a-7",
        "type:container | WEB",
        "type:host,container | node-a,node-b,WEB",
        "name:sshd | node-a-7",
        "parent:node-b | WEB",
        "agent:node-b | node-b,WEB,node-b-42",
        "image:nginx | WEB",
        "state:running | WEB",
        "status:up | WEB",
        "cmdline:quoted | node-b-42",
        "label:app | WEB",
        "label:app=web | WEB",
        "label:tier=back | ",
        "kernel:6.1 | node-a,node-b",
        "image:/nginx:1\\.2\\d/ | WEB",
        "tcp/8080 | node-b-42",
        "app=web | WEB",
        "cpu > 90 | node-a,node-b",
        "cpu >= 93.5 | node-a,node-b",
        "cpu < 62 | WEB",
        "cpu <= 61.5 | WEB",
        "cpu = 61.5 | WEB",
        "cpu != 93.5 | WEB",
        "cpu>90 | node-a,node-b",
        "memory > 1G | node-a,node-b",
        "memory > 299M | node-a,node-b,WEB,node-b-42",
        "memory < 1T | node-a,node-b,WEB,node-a-7,node-b-42",
        "memory >= 512K | node-a,node-b,WEB,node-a-7,node-b-42",
        "threads > 8 | node-b-42",
        "open_files = 12 | node-b-42",
        "type:process cpu > 50 | ",
        "type:container image:nginx cpu > 50 | WEB",
      })
  void eachTermMatchesWhatTheGrammarSays(String query, String expected) {
    Set<String> want =
        expected == null
            ? Set.of()
            : Set.of(expected.replace("WEB", WEB).split(",")).stream()
                .map(String::strip)
                .collect(Collectors.toSet());
    assertThat(ids(query)).as(query).isEqualTo(want);
    if (!query.contains(" ") || query.startsWith("\"")) {
      assertThat(ids("-" + query)).as("-" + query).isEqualTo(except(want));
    }
  }

  @Test
  void anEmptyQueryMatchesEverything() {
    assertThat(ids("")).isEqualTo(all());
    assertThat(ids("   ")).isEqualTo(all());
    assertThat(Query.parse(null).isEmpty()).isTrue();
  }

  @Test
  void aNodeWithoutTheMetricDoesNotMatchEitherWay() {
    assertThat(ids("threads > 0")).containsExactlyInAnyOrder("node-a-7", "node-b-42");
    assertThat(ids("threads <= 0")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"unclosed | unclosed quote at position 1",
        "nginx \"open | unclosed quote at position 7",
        "/open | unclosed regex at position 1",
        "image:/open | unclosed regex at position 7",
        "/a(b/ | invalid regex: Unclosed group at position 1",
        "cpu > lots | bad number 'lots' at position 7",
        "cpu > 1X | bad number '1X' at position 7",
        "cpu > | a comparison needs a number at position 6",
        "cpu => 5 | unknown operator '=>' at position 5",
        "app=>web | unknown operator '=>' at position 4",
        "cpu <> 5 | unknown operator '<>' at position 5",
        ":value | empty field name at position 1",
        "x image: | field image needs a value at position 9",
        "> 5 | a comparison needs a metric name at position 1",
      })
  void malformedQueriesSayWhatAndWhere(String query, String message) {
    assertThatThrownBy(() -> Query.parse(query))
        .isInstanceOf(QueryException.class)
        .hasMessage(message);
  }

  @Test
  void edgesHaveTheirOwnFields() {
    var edges = TOPOLOGY.edges().values().stream().filter(e -> e.protocol() != null).toList();
    assertThat(edges).hasSize(1);
    EdgeSubject e = EdgeSubject.of(edges.get(0));
    assertThat(e.external()).isTrue();
    assertThat(
            Query.parse("external:true protocol:tcp connections >= 1 target:10.9.9.9").matches(e))
        .isTrue();
    assertThat(Query.parse("source:node-a-7 -external:true").matches(e)).isFalse();
  }

  @Test
  void searchOrdersByTypeThenIdAndCountsBeyondTheLimit() {
    TopologyQueries queries = new TopologyQueries();
    TopologyQueries.Found found = queries.search(TOPOLOGY, Query.parse("node"), 3);
    assertThat(found.total()).isEqualTo(5);
    assertThat(found.nodes()).extracting(n -> n.id()).containsExactly("node-a", "node-b", WEB);
    Topology filtered = queries.filter(TOPOLOGY, Query.parse("name:nginx"));
    assertThat(filtered.nodes()).containsOnlyKeys("node-b-42", WEB, "node-b");
    assertThat(filtered.edges()).containsOnlyKeys("node-b->" + WEB, WEB + "->node-b-42");
    assertThat(filtered.version()).isEqualTo(TOPOLOGY.version());
  }
}
