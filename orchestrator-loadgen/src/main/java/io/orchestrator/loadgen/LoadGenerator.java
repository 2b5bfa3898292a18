package io.orchestrator.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * {@code java -jar orchestrator-loadgen.jar load --server URL ...}: simulated probes report to a
 * server on their interval while WebSocket clients watch the feed; prints progress every five
 * seconds and a summary (reports sent/accepted/failed, latency percentiles, WebSocket frames and
 * lag). Exit codes: 0 after a run, 1 when the server cannot be reached, 2 for bad arguments.
 * Stateless and thread-safe; each run has its own state.
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  /** Entry point. */
  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    if (args.length == 0 || !args[0].equals("load")) {
      err.print("expected the command 'load'\n" + LoadOptions.USAGE);
      return 2;
    }
    LoadOptions options;
    try {
      options = LoadOptions.parse(Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(LoadOptions.USAGE);
      return 2;
    }
    String unreachable = check(options.server());
    if (unreachable != null) {
      err.println("cannot reach " + options.server() + ": " + unreachable);
      return 1;
    }
    LoadSummary summary = new LoadRun(options, out).execute();
    out.print(summary.render());
    return 0;
  }

  private static String check(URI server) throws InterruptedException {
    try {
      HttpResponse<Void> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.resolve("/health"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200 ? null : "/health answered " + r.statusCode();
    } catch (IOException e) {
      return e.toString();
    }
  }
}
