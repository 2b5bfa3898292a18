package io.orchestrator.benchmarks;

import io.orchestrator.core.IngestResult;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.report.Report;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest of a realistic report (50 processes, 100 connections, 10 containers) into the facade,
 * round-robin over a fleet of agents: registry, latest report, time series and topology sub-graph.
 * One thread, so the score is reports per second on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class IngestBenchmark {
  @Param({"1000"})
  int agents;

  private Orchestrator orchestrator;
  private Report[] reports;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    orchestrator = Orchestrator.builder().build();
    reports = RealisticReports.fleet(agents, new Random(42));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    orchestrator.close();
  }

  @Benchmark
  public IngestResult ingest() {
    Report r = reports[next];
    next = next + 1 == reports.length ? 0 : next + 1;
    return orchestrator.ingest(r);
  }
}
