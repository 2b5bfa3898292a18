package io.orchestrator.testkit.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small JSON GETs and POSTs for the cluster tests. Thread-safe. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Http() {}

  /** The status and body of a GET; status -1 when the server cannot be reached. */
  record Answer(int status, JsonNode body) {}

  static Answer get(URI base, String path) {
    try {
      HttpResponse<String> r =
          CLIENT.send(
              HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), JSON.readTree(r.body()));
    } catch (IOException e) {
      return new Answer(-1, JSON.nullNode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, JSON.nullNode());
    }
  }

  /** The ETag of a GET, or "" when there is none or the server cannot be reached. */
  static String etag(URI base, String path) {
    try {
      return CLIENT
          .send(
              HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding())
          .headers()
          .firstValue("ETag")
          .orElse("");
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  static int post(URI base, String path, String json) {
    try {
      return CLIENT
          .send(
              HttpRequest.newBuilder(base.resolve(path))
                  .timeout(Duration.ofSeconds(5))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
