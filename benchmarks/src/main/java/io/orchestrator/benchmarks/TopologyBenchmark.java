package io.orchestrator.benchmarks;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.server.json.TopologyEncoding;
import java.nio.ByteBuffer;
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
 * Topology snapshots at fleet scale (61 nodes and ~150 edges per agent): the cost of reading an
 * unchanged topology (cached per version), of rebuilding it after one agent reported, and of
 * rebuilding and serialising it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TopologyBenchmark {
  @Param({"100", "1000"})
  int agents;

  private Orchestrator orchestrator;
  private TopologyEncoding encoding;
  private Report[] reports;
  private Report[] nextRound;
  private int next;
  private int passes;

  @Setup(Level.Trial)
  public void setUp() {
    orchestrator = Orchestrator.builder().build();
    encoding = new TopologyEncoding();
    reports = RealisticReports.fleet(agents, new Random(7));
    nextRound = RealisticReports.fleet(agents, new Random(7), 1);
    for (Report r : reports) {
      orchestrator.ingest(r);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    orchestrator.close();
  }

  /** Reading an unchanged topology: the cached snapshot. */
  @Benchmark
  public Topology readUnchanged() {
    return orchestrator.topology();
  }

  /**
   * What a push costs with a dashboard connected: one agent reports, and the new version is rebuilt
   * and serialised to the {@code topology_update} frame (the server's encoding, shared by every
   * client and by the REST body).
   */
  @Benchmark
  public ByteBuffer encodeAfterOneReport() {
    orchestrator.ingest(reports[next]);
    next = next + 1 == reports.length ? 0 : next + 1;
    return encoding.frame(orchestrator.topology());
  }

  /** One agent reports, then the snapshot is rebuilt: ingest plus a full merge and resolve. */
  @Benchmark
  public Topology rebuildAfterOneReport() {
    orchestrator.ingest(reports[next]);
    next = next + 1 == reports.length ? 0 : next + 1;
    return orchestrator.topology();
  }

  /**
   * As {@link #rebuildAfterOneReport}, but every report brings client sockets on new ephemeral
   * ports (rounds alternate), as real reports do: the agents whose flows or accepted sockets reach
   * the reporting host's address are resolved again too (here the 7 agents that connect to it).
   */
  @Benchmark
  public Topology rebuildAfterOneReportWithNewClientPorts() {
    Report[] round = passes % 2 == 0 ? nextRound : reports;
    orchestrator.ingest(round[next]);
    if (++next == reports.length) {
      next = 0;
      passes++;
    }
    return orchestrator.topology();
  }
}
