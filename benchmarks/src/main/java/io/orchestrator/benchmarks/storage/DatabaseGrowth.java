package io.orchestrator.benchmarks.storage;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.series.Metrics;
import io.orchestrator.core.storage.ReportRecord;
import io.orchestrator.core.storage.StorageSettings;
import io.orchestrator.postgres.PostgresConfig;
import io.orchestrator.postgres.PostgresStorage;
import io.orchestrator.server.json.JsonReportCodec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Database bytes per agent-hour with {@code -storage postgres}, indexes and TOAST included: {@code
 * agents} probe-like agents with 50 processes report every 15 s of simulated time into a fresh
 * database, compaction running every simulated minute as it would; the tables' total size is taken
 * (after a plain VACUUM, as autovacuum would leave it) after the first hour and after the last, and
 * the growth between them is divided by agents and hours.
 *
 * <p>Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * io.orchestrator.benchmarks.storage.DatabaseGrowth jdbc:postgresql://127.0.0.1:5432/DB 200 3}
 */
public final class DatabaseGrowth {
  private static final String TABLES =
      "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
          + " ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'";

  private DatabaseGrowth() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int agents = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int hours = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    Clock clock = new SettableClock(now);
    PostgresStorage storage =
        (PostgresStorage)
            PostgresStorage.factory(
                    PostgresConfig.builder(url)
                        .user("postgres")
                        .historyRetention(Duration.ofDays(7))
                        .build())
                .open(
                    new StorageSettings(
                        clock,
                        Duration.ofHours(1),
                        Duration.ofMinutes(5),
                        2048,
                        JsonReportCodec.INSTANCE));
    Report probe = ProbeLikeSamples.realProbe();
    List<ProbeLikeReports> hosts = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      hosts.add(new ProbeLikeReports(probe, "agent-" + a, 50, a));
    }
    long afterFirstHour = 0;
    int rounds = hours * 240;
    for (int round = 1; round <= rounds; round++) {
      List<CompletableFuture<Void>> writes = new ArrayList<>();
      for (ProbeLikeReports h : hosts) {
        Report r = h.next();
        Instant t = now.get();
        ReceivedReport received = new ReceivedReport(r, t, JsonReportCodec.INSTANCE.encode(r));
        Agent agent = new Agent(r.agentId(), r.agentId(), Map.of(), t, t, t, AgentStatus.ACTIVE);
        writes.add(
            storage
                .accept(new ReportRecord(agent, received, Metrics.of(r), round == 1))
                .toCompletableFuture());
      }
      CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0])).join();
      now.set(now.get().plusSeconds(15));
      if (round % 4 == 0) {
        storage.compact();
      }
      if (round == 240) {
        afterFirstHour = size(url);
      }
    }
    long end = size(url);
    storage.close();
    double perAgentHour = (double) (end - afterFirstHour) / agents / (hours - 1);
    System.out.printf(
        Locale.ROOT,
        "agents=%d hours=%d size after 1h=%d KiB, after %dh=%d KiB: %.1f KB per agent-hour%n",
        agents,
        hours,
        afterFirstHour >> 10,
        hours,
        end >> 10,
        perAgentHour / 1000);
  }

  private static long size(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("VACUUM");
      try (ResultSet rs = s.executeQuery(TABLES)) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A clock the simulation moves. */
  private static final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;

    SettableClock(AtomicReference<Instant> now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
