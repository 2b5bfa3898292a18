package io.orchestrator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orchestrator.core.Orchestrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A real server on port 0 plus a JDK HttpClient to talk to it. */
final class TestServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path FIXTURE = locateFixture();

  final OrchestratorServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(OrchestratorServer server) {
    this.server = server;
  }

  static TestServer start() {
    return start(b -> b);
  }

  static TestServer start(UnaryOperator<ServerConfig.Builder> custom) {
    ServerConfig config = custom.apply(ServerConfig.builder().host("127.0.0.1").port(0)).build();
    return new TestServer(OrchestratorServer.start(config));
  }

  static TestServer around(Orchestrator orchestrator, UnaryOperator<ServerConfig.Builder> custom) {
    ServerConfig config = custom.apply(ServerConfig.builder().host("127.0.0.1").port(0)).build();
    return new TestServer(OrchestratorServer.start(config, orchestrator));
  }

  URI uri(String path) {
    return server.baseUri().resolve(path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> post(String path, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  static String fixture() {
    try {
      return Files.readString(FIXTURE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal valid report for {@code agent}. */
  static String report(String agent) {
    return "{\"agent_id\":\""
        + agent
        + "\",\"hostname\":\""
        + agent
        + ".example\","
        + "\"host_info\":{\"cpu_info\":{\"model\":\"x\",\"cores\":4,\"usage\":12.5}}}";
  }

  private static Path locateFixture() {
    return example("report-full.json");
  }

  /** An example report of the repository's {@code docs/examples}. */
  static Path example(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs/examples").resolve(name);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "docs/examples/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  static String exampleText(String name) {
    try {
      return Files.readString(example(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
