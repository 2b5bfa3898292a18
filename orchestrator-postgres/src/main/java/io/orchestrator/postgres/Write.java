package io.orchestrator.postgres;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.report.ReportBody;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One write waiting for a group commit; its future completes with the commit. */
abstract sealed class Write permits Write.Log, Write.Register, Write.Forget {
  final CompletableFuture<Void> done = new CompletableFuture<>();

  /**
   * An accepted report, appended to the log.
   *
   * <p>{@code agent} is set when its registration row needs writing too (a first report, a new
   * hostname); {@code resumed} when it starts a reporting interval, closing the one that ended at
   * {@code previousReport}.
   */
  static final class Log extends Write {
    final String agentId;
    final Instant receivedAt;
    final boolean kept;
    final ReportBody body;
    final Agent agent;
    final boolean resumed;
    final Instant previousReport;

    Log(
        String agentId,
        Instant receivedAt,
        boolean kept,
        ReportBody body,
        Agent agent,
        boolean resumed,
        Instant previousReport) {
      this.agentId = agentId;
      this.receivedAt = receivedAt;
      this.kept = kept;
      this.body = body;
      this.agent = agent;
      this.resumed = resumed;
      this.previousReport = previousReport;
    }
  }

  /** A registration. */
  static final class Register extends Write {
    final Agent agent;

    Register(Agent agent) {
      this.agent = agent;
    }
  }

  /** An agent forgotten after its retention. */
  static final class Forget extends Write {
    final String agentId;

    Forget(String agentId) {
      this.agentId = agentId;
    }
  }
}
