package io.orchestrator.server;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** API keys made through the admin API, for tests. */
final class Keys {
  private Keys() {}

  /** Creates a key and returns its secret. */
  static String create(TestServer api, String adminKey, String role, String agentId) {
    String body =
        "{\"name\":\"test "
            + role
            + "\",\"role\":\""
            + role
            + "\""
            + (agentId == null ? "" : ",\"agent_id\":\"" + agentId + "\"")
            + "}";
    HttpResponse<String> r =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/admin/keys"))
                .header("Authorization", "Bearer " + adminKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("key not created: " + r.statusCode() + " " + r.body());
    }
    return TestServer.json(r).get("key").asText();
  }
}
