package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.server.http.Access;
import io.orchestrator.server.http.Route;
import io.orchestrator.server.security.JwtConfig;
import io.orchestrator.server.security.SecurityConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route of the route table against every kind of credential (DESIGN §8). */
class AuthMatrixTest {
  static final String ADMIN_KEY = "bootstrap-admin-key-0123456789";
  private static TestServer api;
  private static Map<String, String> credentials;

  @BeforeAll
  static void start() {
    api =
        TestServer.start(
            b ->
                b.security(
                    SecurityConfig.builder()
                        .auth(true)
                        .adminKey(ADMIN_KEY)
                        .jwt(new JwtConfig(Tokens.SECRET, null, null, null))
                        .build()));
    credentials = new java.util.LinkedHashMap<>();
    credentials.put("none", null);
    credentials.put("malformed", "Basic Zm9vOmJhcg==");
    credentials.put("wrong signature", "Bearer " + Tokens.wrongSignature());
    credentials.put("expired", "Bearer " + Tokens.expired());
    credentials.put("probe", "Bearer " + Keys.create(api, ADMIN_KEY, "probe", "agent-a"));
    credentials.put(
        "probe for another agent", "Bearer " + Keys.create(api, ADMIN_KEY, "probe", "agent-b"));
    credentials.put("viewer", "Bearer " + Tokens.role("viewer"));
    credentials.put("admin", "Bearer " + Keys.create(api, ADMIN_KEY, "admin", null));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void everyRouteAnswersEveryCredentialAsItsRoleSays() {
    List<Route> routes = api.server.routes();
    assertThat(routes).hasSizeGreaterThan(15);
    List<String> wrong = new ArrayList<>();
    for (Route route : routes) {
      for (Map.Entry<String, String> c : credentials.entrySet()) {
        HttpResponse<String> r = api.send(request(route, c.getValue()));
        String expected = expected(route.access(), c.getKey());
        String actual = outcome(r.statusCode());
        if (!expected.equals(actual) || r.statusCode() >= 500) {
          wrong.add(
              route.method()
                  + " "
                  + route.path()
                  + " as "
                  + c.getKey()
                  + ": expected "
                  + expected
                  + ", got "
                  + r.statusCode()
                  + " "
                  + r.body());
        }
        if (r.statusCode() == 401) {
          assertThat(r.headers().firstValue("WWW-Authenticate"))
              .contains("Bearer realm=\"orchestrator\"");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void refusalsSayWhy() {
    Route stats =
        api.server.routes().stream()
            .filter(r -> r.path().equals("/api/v1/query/stats"))
            .findFirst()
            .orElseThrow();
    assertThat(error(stats, null)).isEqualTo("missing credentials");
    assertThat(error(stats, "Bearer ok_nope")).isEqualTo("invalid credentials");
    assertThat(error(stats, credentials.get("expired"))).isEqualTo("token expired");
    assertThat(error(stats, "Bearer " + "x".repeat(9000))).isEqualTo("invalid credentials");
    assertThat(error(stats, "Bearer !!!not-base64.@@@.###")).isEqualTo("invalid credentials");
    assertThat(error(stats, "Bearer " + Tokens.none())).isEqualTo("invalid credentials");
    assertThat(error(stats, credentials.get("probe")))
        .isEqualTo("probe may not GET /api/v1/query/stats");
  }

  private static String error(Route route, String authorization) {
    return TestServer.json(api.send(request(route, authorization))).get("error").asText();
  }

  private static String expected(Access access, String who) {
    if (access == Access.PUBLIC) {
      return "allowed";
    }
    return switch (who) {
      case "none", "malformed", "wrong signature", "expired" -> "401";
      case "probe" -> access == Access.PROBE ? "allowed" : "403";
      case "probe for another agent" -> "403";
      case "viewer" -> access == Access.VIEWER ? "allowed" : "403";
      case "admin" -> "allowed";
      default -> throw new IllegalArgumentException(who);
    };
  }

  private static String outcome(int status) {
    return status == 401 || status == 403 ? Integer.toString(status) : "allowed";
  }

  static HttpRequest request(Route route, String authorization) {
    String path =
        route
            .path()
            .replace("{agent_id}", "agent-a")
            .replace("{id}", "nope")
            .replace("{name}", "r1")
            .replace("{file}", "app.js")
            .replace("*", "anything");
    HttpRequest.Builder b = HttpRequest.newBuilder(api.uri(path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    String body =
        switch (route.path()) {
          case "/api/v1/agents/register" -> "{\"agent_id\":\"agent-a\",\"hostname\":\"h\"}";
          case "/api/v1/reports" -> TestServer.report("agent-a");
          case "/api/v1/admin/keys" -> "{\"name\":\"n\",\"role\":\"viewer\"}";
          default -> "{}";
        };
    return b.method(route.method().name(), HttpRequest.BodyPublishers.ofString(body)).build();
  }
}
