package io.orchestrator.benchmarks.http;

import io.javalin.Javalin;
import io.orchestrator.core.report.Report;
import io.orchestrator.server.json.WireJson;
import java.nio.charset.StandardCharsets;

/**
 * The stack's own limit: a bare Javalin 7 endpoint that only parses a report with the same Jackson
 * mapping and answers 202, started the way the real server starts (same Javalin, same JVM flags).
 * Every HTTP figure in BENCHMARKS.md is a ratio to this, measured in the same run.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.orchestrator.benchmarks.http.EchoServer 18090}
 */
public final class EchoServer {
  private static final byte[] ACCEPTED =
      "{\"status\":\"accepted\",\"message\":\"Report processed successfully\"}"
          .getBytes(StandardCharsets.UTF_8);

  private EchoServer() {}

  /** Starts on the port given (default 18090) and runs until killed. */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18_090;
    Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.http.maxRequestSize = 16L << 20;
              c.routes.post(
                  "/api/v1/reports",
                  ctx -> {
                    Report r = WireJson.read(ctx.bodyInputStream(), Report.class);
                    if (r.agentId().isEmpty()) {
                      throw new IllegalStateException("unreachable: validated by the record");
                    }
                    ctx.status(202).contentType("application/json").result(ACCEPTED);
                  });
              c.routes.get("/health", ctx -> ctx.result("{\"status\":\"healthy\"}"));
            })
        .start("127.0.0.1", port);
  }
}
