package io.orchestrator.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.testing.MutableClock;
import io.orchestrator.core.testing.Reports;
import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.core.topology.TopologyAggregator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The search's field index finds exactly what testing every node would. */
class SearchIndexTest {
  private static Topology fleet() {
    TopologyAggregator agg = new TopologyAggregator(MutableClock.atBucketStart());
    for (int a = 0; a < 12; a++) {
      Reports r = Reports.agent("agent-" + a).host(a * 8.5, 40).processes();
      for (int c = 0; c < 3; c++) {
        String id = Reports.containerId("a" + a + "c" + c);
        r.container(id, (c == 0 ? "nginx-" : "app-") + a, a * 9.0 + c);
        r.process(100 + c, "worker-" + c, "/docker/" + id);
      }
      r.listen(100, "0.0.0.0", 8000 + a);
      agg.apply(r.build());
    }
    return agg.snapshot();
  }

  /** Every field some node has, with a piece of one of its values. */
  private static List<String> fieldQueries(Topology t) {
    TreeSet<String> out = new TreeSet<>();
    for (Node n : t.nodes().values()) {
      out.add(
          "name:"
              + (n.name() == null ? "x" : n.name().substring(0, Math.min(3, n.name().length()))));
      out.add("type:" + n.type().wireName());
      out.add("id:" + n.id().substring(n.id().length() / 2));
      out.add("parent:" + (n.parentId() == null ? "none" : n.parentId()));
      for (Map.Entry<String, Object> e : n.metadata().entrySet()) {
        String v = String.valueOf(e.getValue());
        out.add(e.getKey() + ":" + (v.isEmpty() ? "x" : v.substring(0, Math.min(4, v.length()))));
      }
    }
    List<String> queries = new ArrayList<>();
    for (String q : out) {
      if (q.matches("[a-z_]+:[A-Za-z0-9_./-]+")) {
        queries.add(q);
        queries.add(q + " cpu > 20");
        queries.add("-" + q);
        queries.add("type:container " + q);
        int colon = q.indexOf(':');
        String value = q.substring(colon + 1);
        if (!value.contains("/")) { // a slash would end the regex
          queries.add(q.substring(0, colon) + ":/^" + value.replace(".", "\\.") + "/");
        }
      }
    }
    queries.addAll(
        List.of(
            "agent:agent-3",
            "image:nginx cpu > 50",
            "name:worker type:process",
            "name:/^worker-[12]$/",
            "-name:/worker/"));
    return queries;
  }

  @Test
  void everyFieldTermFindsWhatAFullScanFinds() {
    Topology t = fleet();
    List<Node> all = new ArrayList<>(t.nodes().values());
    all.sort(Comparator.comparing(Node::type).thenComparing(Node::id));
    TopologyQueries queries = new TopologyQueries();
    List<String> tried = fieldQueries(t);
    assertThat(tried).hasSizeGreaterThan(100);
    for (String text : tried) {
      Query q = Query.parse(text);
      List<Node> expected = all.stream().filter(n -> q.matches(NodeSubject.of(n, t))).toList();
      TopologyQueries.Found found = queries.search(t, q, 10_000);
      assertThat(found.nodes()).as(text).containsExactlyElementsOf(expected);
      assertThat(found.total()).as(text).isEqualTo(expected.size());
    }
  }
}
