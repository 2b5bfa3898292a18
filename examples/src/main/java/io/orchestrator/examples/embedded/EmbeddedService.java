package io.orchestrator.examples.embedded;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.hub.EventFilter;
import io.orchestrator.core.hub.EventType;
import io.orchestrator.core.series.SeriesPoint;
import io.orchestrator.core.series.SeriesQuery;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.testkit.ProbeSimulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JVM service that embeds the core: it feeds reports from its own source (here simulated hosts;
 * in real life a queue, a file, another protocol) straight into the engine, without HTTP, and
 * listens to the hub. Run it with {@code main}; it prints what it built and exits.
 */
public final class EmbeddedService {
  private EmbeddedService() {}

  /** Runs five rounds of three hosts and prints the topology and a CPU series. */
  public static void main(String[] args) {
    run(5, System.out);
  }

  /** The service's work; returns the final topology. */
  public static Topology run(int rounds, PrintStream out) {
    AtomicInteger reportEvents = new AtomicInteger();
    try (Orchestrator orchestrator =
        Orchestrator.builder().maxDataAge(Duration.ofHours(2)).build()) {
      orchestrator
          .hub()
          .subscribe(
              new EventFilter(Set.of(EventType.REPORT_UPDATE), Set.of()),
              event -> reportEvents.incrementAndGet());

      List<ProbeSimulator> source = ProbeSimulator.fleet(3, 7, b -> b);
      for (int round = 0; round < rounds; round++) {
        for (ProbeSimulator host : source) {
          orchestrator.ingest(host.nextReport());
        }
      }

      Topology topology = orchestrator.topology();
      out.printf(
          "topology v%d: %d hosts, %d containers, %d processes, %d edges%n",
          topology.version(),
          topology.nodes(NodeType.HOST).size(),
          topology.nodes(NodeType.CONTAINER).size(),
          topology.nodes(NodeType.PROCESS).size(),
          topology.edges().size());
      List<SeriesPoint> cpu =
          orchestrator
              .series()
              .query("host-0", SeriesQuery.hostMetrics(Duration.ofMinutes(5)))
              .orElseThrow();
      out.printf(
          "host-0 cpu now: %.1f%%%n", cpu.get(cpu.size() - 1).metrics().get("host.cpu.usage"));
      out.printf("report events seen by the subscriber so far: %d%n", reportEvents.get());
      return topology;
    }
  }
}
