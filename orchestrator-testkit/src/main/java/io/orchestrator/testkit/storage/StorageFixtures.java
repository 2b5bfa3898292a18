package io.orchestrator.testkit.storage;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.series.Metrics;
import io.orchestrator.core.storage.ReportRecord;
import io.orchestrator.core.storage.Storage;
import io.orchestrator.core.storage.StorageSettings;
import io.orchestrator.server.json.JsonReportCodec;
import io.orchestrator.testkit.ProbeSimulator;
import io.orchestrator.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reports and records for the contract suites, from simulated probes on one clock. */
final class StorageFixtures {
  static final Duration WINDOW = Duration.ofHours(1);
  static final Duration STALE = Duration.ofMinutes(5);

  private final TestClock clock;
  private final Map<String, ProbeSimulator> probes = new ConcurrentHashMap<>();

  StorageFixtures(TestClock clock) {
    this.clock = clock;
  }

  StorageSettings settings() {
    return new StorageSettings(clock, WINDOW, STALE, 2_048, JsonReportCodec.INSTANCE);
  }

  /** The next report of a simulated probe with {@code processes} processes. */
  Report report(String agentId, int processes) {
    return probes
        .computeIfAbsent(
            agentId + "/" + processes,
            k -> ProbeSimulator.builder(agentId).clock(clock).processes(processes).build())
        .nextReport();
  }

  static Agent agent(String agentId, Instant now) {
    return new Agent(
        agentId, agentId + ".example", Map.of("env", "test"), now, now, now, AgentStatus.ACTIVE);
  }

  /** Writes {@code report} as received now (with its wire form) and waits until it is durable. */
  ReceivedReport accept(Storage storage, Report report, boolean shapeChanged) {
    Instant now = clock.instant();
    ReceivedReport r = new ReceivedReport(report, now, JsonReportCodec.INSTANCE.encode(report));
    storage
        .accept(new ReportRecord(agent(report.agentId(), now), r, Metrics.of(report), shapeChanged))
        .toCompletableFuture()
        .join();
    return r;
  }
}
