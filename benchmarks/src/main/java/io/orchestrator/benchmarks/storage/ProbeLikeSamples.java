package io.orchestrator.benchmarks.storage;

import io.orchestrator.core.report.Report;
import io.orchestrator.core.series.MetricFamily;
import io.orchestrator.core.series.MetricSample;
import io.orchestrator.core.series.Metrics;
import io.orchestrator.server.json.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Successive samples of one agent shaped like the real Go probe's (docs/examples): its host metrics
 * and its processes, starting from the recorded values and drifting the way a live host's do. CPU
 * usage is a full-precision double that moves every report; memory and load move most reports; a
 * process's resident MiB (an integer, as the probe sends it) changes in one report of ten, its
 * thread count in one of fifty, its open files in one of twenty. Not thread-safe.
 */
final class ProbeLikeSamples {
  private final Random rnd;
  private final List<MetricSample> current;

  ProbeLikeSamples(Report realProbe, long seed) {
    this.rnd = new Random(seed);
    this.current = Metrics.of(realProbe);
  }

  /** The real probe's report in the repository. */
  static Report realProbe() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("docs/examples/report-real-probe.json"))) {
      return WireJson.readReport(in);
    }
  }

  /** The next report's samples. */
  List<MetricSample> next() {
    List<MetricSample> out = new ArrayList<>(current.size());
    for (MetricSample s : current) {
      out.add(drift(s));
    }
    current.clear();
    current.addAll(out);
    return out;
  }

  private MetricSample drift(MetricSample s) {
    double[] v = new double[s.family().width()];
    for (int f = 0; f < v.length; f++) {
      v[f] = s.value(f);
    }
    switch (s.family()) {
      case HOST_CPU -> v[0] = clamp(v[0] + rnd.nextGaussian() * 4, 0, 100);
      case HOST_MEMORY -> {
        v[1] = Math.max(0, v[1] + Math.round(rnd.nextGaussian() * 8));
        v[2] = Math.max(0, v[2] - Math.round(rnd.nextGaussian() * 8));
        v[0] = v[1] * 100.0 / 24_105;
      }
      case HOST_LOAD -> {
        for (int f = 0; f < 3; f++) {
          v[f] = Math.max(0, Math.round((v[f] + rnd.nextGaussian() * 0.1 / (f + 1)) * 100) / 100.0);
        }
      }
      case HOST_CONNECTIONS -> v[0] = Math.max(0, v[0] + rnd.nextInt(5) - 2);
      case PROCESS -> {
        v[0] = step(v[0], 10, 3);
        v[1] = step(v[1], 50, 1);
        v[2] = step(v[2], 20, 2);
      }
      default -> {
        // counts of processes and containers hold steady
      }
    }
    return new MetricSample(s.family(), s.entity(), v);
  }

  /** Moves an integer value by up to {@code by} in one report of {@code oneIn}. */
  private double step(double value, int oneIn, int by) {
    return rnd.nextInt(oneIn) == 0 ? Math.max(0, value + rnd.nextInt(2 * by + 1) - by) : value;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  static int families(List<MetricSample> samples, MetricFamily family) {
    return (int) samples.stream().filter(s -> s.family() == family).count();
  }
}
