package io.orchestrator.benchmarks;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.core.alert.AlertRuleStore;
import io.orchestrator.core.alert.Evaluation;
import io.orchestrator.core.alert.RuleKind;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.EdgeType;
import io.orchestrator.core.topology.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One alert evaluation (DESIGN §12) over a fleet of realistic agents (61 nodes and ~160 edges
 * each): 100 distinct rules of every kind, as an operator would write them, of which some match
 * (about 12,000 alerts). {@code kinds} runs only the node, edge or agent rules, to see where the
 * time goes; {@link #touchEverySubjectOnce} is the floor of any scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class AlertBenchmark {
  @Param({"1000"})
  int agents;

  /** Which rules: all 100, or only those over nodes, edges or agents (to see where time goes). */
  @Param({"all"})
  String kinds;

  private Orchestrator orchestrator;

  @Setup(Level.Trial)
  public void setUp() {
    orchestrator = Orchestrator.builder().alertInterval(Duration.ofDays(1)).build();
    for (Report r : RealisticReports.fleet(agents, new Random(7))) {
      orchestrator.ingest(r);
    }
    AlertRuleStore rules = orchestrator.alerting().rules();
    rules().stream()
        .filter(
            r ->
                kinds.equals("all")
                    || (kinds.equals("nodes") && r.kind() == RuleKind.QUERY)
                    || (kinds.equals("edges") && r.kind() == RuleKind.EDGE)
                    || (kinds.equals("agents") && r.kind() == RuleKind.AGENT_STALE))
        .forEach(rules::put);
    Evaluation e = orchestrator.alerting().evaluate();
    System.out.printf(
        "%d rules, %d nodes, %d edges: %d alerts active%n",
        rules.list().size(),
        orchestrator.topology().nodes().size(),
        orchestrator.topology().edges().size(),
        e.active().size());
  }

  /**
   * 40 host, 30 container, 20 process, 8 edge and 2 agent rules: thresholds on the metrics, some at
   * several levels (warning, critical), state and image filters, regexes over names and ports.
   */
  static List<AlertRule> rules() {
    List<AlertRule> out = new ArrayList<>();
    String[] hostMetrics = {"cpu", "memory_usage", "memory", "cpu"};
    for (int i = 0; i < 40; i++) {
      String metric = hostMetrics[i % hostMetrics.length];
      String threshold =
          metric.equals("memory")
              ? Long.toString(8_000_000_000L + i * 100_000_000L)
              : Integer.toString(60 + i);
      out.add(
          AlertRule.builder("host-" + i)
              .query("type:host " + metric + " > " + threshold)
              .forDuration(Duration.ofMinutes(i % 5))
              .labels(Map.of("team", "infra"))
              .annotations(Map.of("summary", "{{ $labels.node_id }} at {{ $value }}"))
              .build());
    }
    for (int i = 0; i < 30; i++) {
      String q =
          switch (i % 5) {
            case 0 -> "type:container cpu > " + (50 + i);
            case 1 -> "type:container -state:running name:svc-" + (i % 10);
            case 2 -> "type:container image:app-" + (i % 10) + " memory > " + (100_000_000 + i);
            case 3 -> "type:container name:/^svc-" + (i % 10) + "$/ cpu > " + (20 + i);
            default -> "type:container label:app memory_percent > " + (70 + i);
          };
      out.add(AlertRule.builder("container-" + i).query(q).build());
    }
    String[] names = {"java", "postgres", "nginx", "python", "node"};
    for (int i = 0; i < 20; i++) {
      String name = names[i % names.length];
      String q =
          switch (i % 4) {
            case 0 -> "type:process cpu > " + (80 + i);
            case 1 -> "type:process name:/^" + name + "/ memory > " + (500_000_000 + i);
            case 2 -> "type:process name:" + name + " cpu > " + (50 + i);
            default -> "type:process threads > " + (100 + i);
          };
      out.add(AlertRule.builder("process-" + i).query(q).build());
    }
    for (int i = 0; i < 8; i++) {
      String q =
          switch (i % 4) {
            case 0 -> i == 0 ? "external:true" : "external:true protocol:tcp";
            case 1 -> "connections > " + (5 + i);
            case 2 -> i == 2 ? "protocol:udp" : "protocol:udp connections > 1";
            default -> i == 3 ? "target:/:(22|3389)$/" : "source:/:(22|3389)$/";
          };
      out.add(AlertRule.builder("edge-" + i).kind(RuleKind.EDGE).query(q).build());
    }
    out.add(AlertRule.builder("stale").kind(RuleKind.AGENT_STALE).build());
    out.add(
        AlertRule.builder("stale-prod")
            .kind(RuleKind.AGENT_STALE)
            .query("hostname:agent-1")
            .build());
    return out;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    orchestrator.close();
  }

  /**
   * The floor any full evaluation pays: touch every network edge's ends and every node's cpu once,
   * and nothing else.
   */
  @Benchmark
  public long touchEverySubjectOnce() {
    long n = 0;
    for (Edge e : orchestrator.topology().edges().values()) {
      if (e.type() == EdgeType.NETWORK) {
        n += e.target().length() + e.source().length();
      }
    }
    for (Node node : orchestrator.topology().nodes().values()) {
      n += node.metadata().get("cpu_usage") instanceof Number x ? x.intValue() : 0;
    }
    return n;
  }

  /** One evaluation cycle: match every rule, move states, publish changes. */
  @Benchmark
  public Evaluation evaluate() {
    return orchestrator.alerting().evaluate();
  }
}
