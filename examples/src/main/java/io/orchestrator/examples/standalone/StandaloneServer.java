package io.orchestrator.examples.standalone;

import io.orchestrator.server.OrchestratorServer;
import io.orchestrator.server.ServerConfig;
import java.time.Duration;
import java.util.List;

/**
 * Starts the HTTP server programmatically with a custom configuration: two hours of data, a faster
 * stale threshold, one allowed UI origin. {@code main} runs until SIGINT/SIGTERM.
 */
public final class StandaloneServer {
  private StandaloneServer() {}

  /** Starts on the port given as the first argument (default 8080) and runs until stopped. */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    OrchestratorServer server = start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "standalone-shutdown"));
    System.out.println("REST " + server.baseUri() + "/api/v1, WebSocket " + server.wsUri());
  }

  /** The server, started; the caller closes it. */
  public static OrchestratorServer start(int port) {
    ServerConfig config =
        ServerConfig.builder()
            .host("127.0.0.1")
            .port(port)
            .maxDataAge(Duration.ofHours(2))
            .staleThreshold(Duration.ofMinutes(2))
            .corsOrigins(List.of("https://ui.example.com"))
            .shutdownGrace(Duration.ofSeconds(5))
            .build();
    return OrchestratorServer.start(config);
  }
}
