package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.orchestrator.server.http.Route;
import io.orchestrator.server.security.SecurityConfig;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN §14: the OpenAPI description names every route with its role, and nothing else. */
class OpenApiTest {
  private static TestServer api;
  private static String document;

  @BeforeAll
  static void start() {
    api =
        TestServer.start(
            b -> b.security(SecurityConfig.builder().auth(true).adminKey("k".repeat(32)).build()));
    HttpResponse<String> r = api.get("/api/v1/openapi.json");
    assertThat(r.statusCode()).as("served without a credential").isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    document = r.body();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** "METHOD path" → role, of every route but the catch-all CORS preflight. */
  private static Map<String, String> routes() {
    Map<String, String> out = new TreeMap<>();
    for (Route r : api.server.routes()) {
      if (!HandlerType.OPTIONS.equals(r.method())) {
        out.put(r.method() + " " + r.path(), r.access().name().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static Map<String, String> described() {
    Map<String, String> out = new TreeMap<>();
    JsonNode paths = TestServer.tree(document).get("paths");
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op ->
                            out.put(
                                op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                op.getValue().path("x-orchestrator-role").asText("(none)"))));
    return out;
  }

  @Test
  void everyRouteIsDescribedWithItsRoleAndNothingElseIs() {
    assertThat(described()).isEqualTo(routes());
  }

  @Test
  void aRealOpenApiParserFindsNoProblem() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getPaths())
        .hasSize(TestServer.tree(document).get("paths").size());
  }
}
