package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorsOriginsTest {
  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.start(b -> b.corsOrigins(List.of("https://ui.example")));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private HttpResponse<String> getFrom(String origin) {
    return api.send(
        HttpRequest.newBuilder(api.uri("/health")).header("Origin", origin).GET().build());
  }

  @Test
  void listedOriginIsEchoedAndVaried() {
    HttpResponse<String> r = getFrom("https://ui.example");
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://ui.example");
    assertThat(r.headers().firstValue("Vary"))
        .hasValueSatisfying(v -> assertThat(v).contains("Origin"));
  }

  @Test
  void otherOriginsGetNoCorsHeaders() {
    HttpResponse<String> r = getFrom("https://evil.example");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
