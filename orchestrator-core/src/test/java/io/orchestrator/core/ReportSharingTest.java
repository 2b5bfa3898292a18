package io.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.core.report.Connection;
import io.orchestrator.core.report.ListeningPort;
import io.orchestrator.core.report.NetworkInfo;
import io.orchestrator.core.report.ProcessInfo;
import io.orchestrator.core.report.ProcessesInfo;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReportSharingTest {
  private final MutableClock clock = MutableClock.atBucketStart();
  private final Orchestrator orchestrator = Orchestrator.builder().clock(clock).build();

  @AfterEach
  void close() {
    orchestrator.close();
  }

  /** A copy that is equal but not the same instance, as a parser makes. */
  private static String fresh(String s) {
    return s == null ? null : new String(s.toCharArray());
  }

  private static ProcessInfo process(int pid, String cmdline, double cpu) {
    return new ProcessInfo(
        pid, fresh("svc"), fresh(cmdline), fresh("S"), 1, 0, 0, 2, cpu, 10, 5, null);
  }

  private static Connection connection(int localPort) {
    return new Connection(
        fresh("tcp"), fresh("10.0.0.1"), localPort, fresh("10.0.0.2"), 443, "ESTABLISHED", 7, null);
  }

  private static Report report(List<ProcessInfo> processes, List<Connection> connections) {
    return new Report(
        "a",
        "host-a",
        null,
        null,
        null,
        new ProcessesInfo(processes, processes.size(), null),
        new NetworkInfo(
            connections,
            connections.size(),
            connections.size(),
            0,
            List.of(new ListeningPort(fresh("tcp"), 22, fresh("0.0.0.0"), 7, null)),
            null));
  }

  private Report accept(Report report) {
    clock.advance(Duration.ofSeconds(15));
    orchestrator.ingest(report);
    return orchestrator.latestReport("a").orElseThrow().report();
  }

  @Test
  void aProcessThatDidNotChangeKeepsItsRecordAndAChangedOneItsStrings() {
    Report first =
        accept(report(List.of(process(7, "/bin/a", 1), process(8, "/bin/b", 1)), List.of()));
    Report second =
        accept(report(List.of(process(7, "/bin/a", 1), process(8, "/bin/b", 2)), List.of()));

    List<ProcessInfo> was = first.processesInfo().processes();
    List<ProcessInfo> is = second.processesInfo().processes();
    assertThat(is.get(0)).isSameAs(was.get(0));
    assertThat(is.get(1)).isNotSameAs(was.get(1));
    assertThat(is.get(1).cpuTime()).isEqualTo(2);
    assertThat(is.get(1).cmdline()).isSameAs(was.get(1).cmdline());
    assertThat(is.get(1).name()).isSameAs(was.get(1).name());
  }

  @Test
  void processesAreMatchedByPidWhereverTheyMoved() {
    Report first =
        accept(report(List.of(process(7, "/bin/a", 1), process(8, "/bin/b", 1)), List.of()));
    Report second =
        accept(
            report(
                List.of(process(9, "/bin/c", 1), process(8, "/bin/b", 1), process(7, "/bin/x", 1)),
                List.of()));

    List<ProcessInfo> was = first.processesInfo().processes();
    List<ProcessInfo> is = second.processesInfo().processes();
    assertThat(is).extracting(ProcessInfo::pid).containsExactly(9, 8, 7);
    assertThat(is.get(1)).isSameAs(was.get(1));
    assertThat(is.get(2).cmdline()).isEqualTo("/bin/x");
    assertThat(is.get(2).name()).isSameAs(was.get(0).name());
  }

  @Test
  void socketsThatStayedKeepTheirRecordsAndTheReportReadsAsSent() {
    Report first = accept(report(List.of(), List.of(connection(5000), connection(5001))));
    Report sent = report(List.of(), List.of(connection(5002), connection(5000)));
    Report second = accept(sent);

    assertThat(second).isEqualTo(sent);
    List<Connection> was = first.networkInfo().connections();
    List<Connection> is = second.networkInfo().connections();
    assertThat(is.get(0)).isNotSameAs(was.get(1));
    assertThat(is.get(1)).isSameAs(was.get(0));
    assertThat(second.networkInfo().listeningPorts().get(0))
        .isSameAs(first.networkInfo().listeningPorts().get(0));
  }
}
