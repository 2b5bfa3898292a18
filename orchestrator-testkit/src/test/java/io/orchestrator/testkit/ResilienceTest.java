package io.orchestrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid requests, missing resources and malformed data get clear 4xx answers. */
class ResilienceTest {
  @RegisterExtension static OrchestratorExtension server = new OrchestratorExtension();

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve(path));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "POST | /api/v1/reports                           | {\"agent_id\":                     | 400",
        "POST | /api/v1/reports                           | {\"agent_id\":\"a\",\"host_info\":7} | 400",
        "POST | /api/v1/agents/register                   | {\"agent_id\":\"a\"}               | 400",
        "GET  | /api/v1/query/agents/ghost/latest         |                                    | 404",
        "GET  | /api/v1/query/agents/ghost/timeseries     |                                    | 404",
        "GET  | /api/v1/query/agents/ghost/timeseries?duration=forever |                       | 400",
        "GET  | /api/v1/does/not/exist                    |                                    | 404",
        "DELETE | /api/v1/reports                         |                                    | 404",
      })
  void badRequestsGetA4xxWithAMessage(String method, String path, String body, int status)
      throws Exception {
    HttpResponse<String> r = send(method, path, body);
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.body()).startsWith("{\"error\":\"");
  }

  @Test
  void aRejectedReportLeavesTheStoredOneIntact() throws Exception {
    ProbeSimulator probe = server.probe("keeper").build();
    probe.sendReport();
    String before = send("GET", "/api/v1/query/agents/keeper/latest", null).body();
    assertThat(
            send(
                    "POST",
                    "/api/v1/reports",
                    "{\"agent_id\":\"keeper\",\"network_info\":{\"connections\":[{\"remote_port\":99999}]}}")
                .statusCode())
        .isEqualTo(400);
    assertThat(send("GET", "/api/v1/query/agents/keeper/latest", null).body()).isEqualTo(before);
  }
}
