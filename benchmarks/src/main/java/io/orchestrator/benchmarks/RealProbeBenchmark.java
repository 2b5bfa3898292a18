package io.orchestrator.benchmarks;

import io.orchestrator.core.IngestResult;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.server.json.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The report path of {@code POST /api/v1/reports} without the network, on the real Go probe's
 * report (docs/examples/report-real-probe.json, ~25 KB, 97 processes), round-robin over a fleet of
 * agent ids: {@code parseDatabind} is what the HTTP echo does (Jackson's data binder), {@code
 * parse} the server's streaming reader, {@code parseAndIngest} all the server does. Run from the
 * repository root (it reads the example report).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class RealProbeBenchmark {
  @Param({"1000"})
  int agents;

  private Orchestrator orchestrator;
  private byte[][] bodies;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    String json;
    try {
      json = Files.readString(Path.of("docs/examples/report-real-probe.json"));
    } catch (IOException e) {
      throw new UncheckedIOException("run from the repository root", e);
    }
    String id = WireJson.read(json.getBytes(StandardCharsets.UTF_8), Report.class).agentId();
    bodies = new byte[agents][];
    for (int i = 0; i < agents; i++) {
      bodies[i] =
          json.replace("\"" + id + "\"", "\"agent-" + i + "\"").getBytes(StandardCharsets.UTF_8);
    }
    orchestrator = Orchestrator.builder().build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    orchestrator.close();
  }

  private byte[] nextBody() {
    byte[] body = bodies[next];
    next = next + 1 == bodies.length ? 0 : next + 1;
    return body;
  }

  /** The data binder over the report's records: what the HTTP echo does. */
  @Benchmark
  public Report parseDatabind() {
    return WireJson.read(nextBody(), Report.class);
  }

  /** The streaming reader: what the server does. */
  @Benchmark
  public Report parse() {
    return WireJson.readReport(nextBody());
  }

  @Benchmark
  public IngestResult parseAndIngest() {
    byte[] body = nextBody();
    return orchestrator.ingest(WireJson.readReport(body), ReportBody.of(body));
  }
}
