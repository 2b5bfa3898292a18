package io.orchestrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.series.SeriesPoint;
import io.orchestrator.core.series.SeriesQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A probe reporting over (simulated) time: series points, values and freshness. */
class EndToEndTest {
  private final TestClock clock = TestClock.atBucketStart();

  @RegisterExtension
  OrchestratorExtension server = new OrchestratorExtension().engine(b -> b.clock(clock));

  @Test
  void aProbeReportingEvery15SecondsLeavesOnePointPerReport() {
    ProbeSimulator probe = server.probe("node-1").clock(clock).build();
    assertThat(probe.register()).isEqualTo(201);
    List<Double> sentCpu = new ArrayList<>();
    Report last = null;
    for (int i = 0; i < 8; i++) {
      last = probe.nextReport();
      sentCpu.add(last.hostInfo().cpuInfo().usage());
      server.orchestrator().ingest(last);
      clock.advance(Duration.ofSeconds(15));
    }
    List<SeriesPoint> points =
        server
            .orchestrator()
            .series()
            .query("node-1", SeriesQuery.hostMetrics(Duration.ofMinutes(5)))
            .orElseThrow();
    assertThat(points).hasSize(8);
    for (int i = 0; i < 8; i++) {
      assertThat(points.get(i).timestamp())
          .isEqualTo(TestClock.atBucketStart().instant().plusSeconds(15L * i));
      assertThat(points.get(i).metrics().get("host.cpu.usage"))
          .isCloseTo(sentCpu.get(i), within(1e-9));
    }

    ReceivedReport latest = server.orchestrator().latestReport("node-1").orElseThrow();
    assertThat(latest.report()).isEqualTo(last);
    assertThat(latest.receivedAt()).isEqualTo(clock.instant().minusSeconds(15));
    Agent agent = server.orchestrator().agent("node-1").orElseThrow();
    assertThat(agent.lastSeen()).isEqualTo(latest.receivedAt());
  }

  @Test
  void aStartedProbeRegistersThenReportsOnItsSchedule() {
    try (ProbeSimulator probe = server.probe("scheduled").build().start(Duration.ofMillis(20))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> probe.counters().accepted() >= 5);
      assertThat(server.orchestrator().agent("scheduled")).isPresent();
      assertThat(server.orchestrator().agent("scheduled").orElseThrow().metadata())
          .containsEntry("simulated", "true");
    }
    assertThat(server.orchestrator().stats().reportsTotal()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void overHttpTheLatestReportIsTheLastOneSent() {
    ProbeSimulator probe = server.probe("node-2").clock(clock).build();
    for (int i = 0; i < 3; i++) {
      assertThat(probe.sendReport()).isEqualTo(202);
      clock.advance(Duration.ofSeconds(15));
    }
    assertThat(probe.counters()).isEqualTo(new ProbeHttp.Counters(3, 3, 0));
    assertThat(
            server
                .orchestrator()
                .series()
                .query("node-2", SeriesQuery.hostMetrics(Duration.ofHours(1)))
                .orElseThrow())
        .hasSize(3);
  }
}
