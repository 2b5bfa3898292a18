package io.orchestrator.server;

import io.orchestrator.core.storage.StorageUnavailableException;
import io.orchestrator.server.cli.Flags;
import io.orchestrator.server.cli.GoDuration;
import io.orchestrator.server.cli.UsageException;
import io.orchestrator.server.security.SecurityConfig;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code java -jar orchestrator-server.jar [flags]}: parses flags and environment, prints the
 * configuration and URLs, runs until SIGINT/SIGTERM and then shuts down gracefully. Exit codes: 0
 * after help or a clean shutdown, 2 for bad flags, 1 when the server cannot start. Stateless and
 * thread-safe.
 */
public final class Main {
  /** Reports the warm-up pushes through the report path after start (see {@link Warmup}). */
  static final int WARMUP_REPORTS = 3_000;

  private Main() {}

  /** Entry point. */
  public static void main(String[] args) {
    int code = launch(args, System.getenv(), System.out, System.err);
    if (code >= 0) {
      System.exit(code);
    }
  }

  /**
   * Starts the server, or reports why not.
   *
   * @return an exit code, or -1 when the server is running (the JVM lives on its threads)
   */
  static int launch(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    ServerConfig config;
    try {
      config = Flags.parse(args, env);
    } catch (Flags.HelpRequested e) {
      out.print(Flags.usage());
      return 0;
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.print(Flags.usage());
      return 2;
    }
    OrchestratorServer server;
    try {
      server = OrchestratorServer.start(config);
    } catch (IllegalStateException | StorageUnavailableException e) {
      err.println("orchestrator: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "orchestrator-shutdown"));
    new Warmup(WARMUP_REPORTS).inBackground();
    out.print(banner(server));
    out.flush();
    return -1;
  }

  /**
   * Runs on SIGINT/SIGTERM: a graceful stop, then exit status 0. The JVM would otherwise report
   * 143/130 for a signal; a clean stop is success to an operator and to process supervisors. Only
   * signals reach this path: nothing calls System.exit once the server runs.
   */
  private static void stop(OrchestratorServer server) {
    server.close();
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(0);
  }

  /** The auth line of the banner: which credentials work, never a secret. */
  private static String describeAuth(SecurityConfig s) {
    if (!s.auth()) {
      return "off";
    }
    StringBuilder sb = new StringBuilder("on (API keys");
    if (s.adminKey() != null) {
      sb.append(", admin key ***");
    }
    if (s.jwt() != null) {
      sb.append(", JWT");
    }
    return sb.append(')').toString();
  }

  /** The alerts line of the banner: receivers by address, never a credential. */
  private static String describeAlerts(AlertConfig a) {
    StringBuilder sb = new StringBuilder("every ").append(GoDuration.format(a.interval()));
    if (!a.rules().isEmpty()) {
      sb.append(", ").append(a.rules().size()).append(" rules from -alert-rules");
    }
    a.receivers().webhooks().forEach(u -> sb.append(", webhook ").append(AlertConfig.redacted(u)));
    a.receivers()
        .alertmanagers()
        .forEach(u -> sb.append(", alertmanager ").append(AlertConfig.redacted(u)));
    return sb.toString();
  }

  static String banner(OrchestratorServer server) {
    ServerConfig c = server.config();
    return "Orchestrator running\n"
        + "  host                  "
        + c.host()
        + "\n"
        + "  port                  "
        + server.port()
        + "\n"
        + "  max-data-age          "
        + GoDuration.format(c.maxDataAge())
        + "\n"
        + "  cleanup-interval      "
        + GoDuration.format(c.cleanupInterval())
        + "\n"
        + "  stale-node-threshold  "
        + GoDuration.format(c.staleThreshold())
        + "\n"
        + "  cors-origins          "
        + String.join(",", c.corsOrigins())
        + "\n"
        + "  max-body-size         "
        + c.maxBodySize()
        + " bytes\n"
        + "  shutdown-grace        "
        + GoDuration.format(c.shutdownGrace())
        + "\n"
        + "  storage               "
        + c.storage().describe()
        + "\n"
        + "  cluster               "
        + c.cluster().describe()
        + "\n"
        + "  node-id               "
        + server.nodeId()
        + "\n"
        + "  auth                  "
        + describeAuth(c.security())
        + "\n"
        + "  tls                   "
        + (c.security().tls() == null ? "off" : "on (HSTS)")
        + "\n"
        + "  rate-limit            "
        + (c.security().rateLimit() == 0
            ? "off"
            : c.security().rateLimit() + "/s per client, burst " + c.security().rateLimitBurst())
        + "\n"
        + "  access-log            "
        + c.security().accessLog()
        + "\n"
        + "  alerts                "
        + describeAlerts(c.alerts())
        + "\n"
        + "REST API   "
        + server.baseUri()
        + "/api/v1\n"
        + "WebSocket  "
        + server.wsUri()
        + "\n"
        + "Health     "
        + server.baseUri()
        + "/health\n";
  }
}
