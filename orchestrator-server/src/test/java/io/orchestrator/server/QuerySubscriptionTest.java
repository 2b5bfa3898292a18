package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.query.Query;
import io.orchestrator.server.json.FilteredTopologies;
import io.orchestrator.server.json.JsonReportCodec;
import io.orchestrator.server.json.TopologyEncoding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code subscribe} with {@code query} (DESIGN §9.2): each client sees its part of the graph. */
class QuerySubscriptionTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Orchestrator orchestrator =
      Orchestrator.builder()
          .pushInterval(Duration.ofMillis(50))
          .reportCodec(JsonReportCodec.INSTANCE)
          .build();
  private final TestServer api = TestServer.around(orchestrator, b -> b);

  @AfterEach
  void stop() {
    api.close();
    orchestrator.close();
  }

  private static List<String> nodes(JsonNode frame) {
    List<String> ids = new ArrayList<>();
    frame.at("/payload/nodes").fieldNames().forEachRemaining(ids::add);
    return ids;
  }

  @Test
  void aSubscribedQueryFiltersEveryTopologyUpdateFromTheCurrentOneOn() throws Exception {
    api.post("/api/v1/reports", SearchAndExportTest.web());
    WsTestClient hosts = WsTestClient.connect(api.server.wsUri());
    try {
      hosts.awaitType("topology_update", WAIT);
      hosts.send(
          "{\"type\":\"subscribe\",\"payload\":{\"types\":[\"topology_update\"],\"query\":\"type:host\"}}");
      JsonNode first =
          hosts.await(
              f -> f.path("type").asText().equals("topology_update") && nodes(f).size() == 1, WAIT);
      assertThat(nodes(first)).containsExactly("web-1");
      api.post("/api/v1/reports", TestServer.report("db-1"));
      JsonNode next = hosts.await(f -> nodes(f).contains("db-1"), WAIT);
      assertThat(nodes(next)).containsExactlyInAnyOrder("web-1", "db-1");
      assertThat(next.at("/payload/edges").size()).isZero();
    } finally {
      hosts.close();
    }
  }

  @Test
  void aMalformedQueryIsAnErrorFrameNamingThePosition() throws Exception {
    WsTestClient c = WsTestClient.connect(api.server.wsUri());
    try {
      c.send("{\"type\":\"subscribe\",\"payload\":{\"query\":\"cpu > lots\"}}");
      JsonNode error = c.awaitType("error", WAIT);
      assertThat(error.at("/payload/message").asText())
          .isEqualTo("subscribe: query: bad number 'lots' at position 7");
      assertThat(c.isOpen()).isTrue();
    } finally {
      c.close();
    }
  }

  /** A host whose name a catastrophic regex cannot finish with: 40 a's and no b. */
  private static final String AAA_HOST = "a".repeat(40);

  private static final String EVIL_QUERY = "name:/((a+)+)+b/";

  @Test
  void aRegexTooExpensiveForTheTopologyIsAnErrorFrameAndTheClientStaysConnected() throws Exception {
    api.post("/api/v1/reports", TestServer.report(AAA_HOST));
    WsTestClient c = WsTestClient.connect(api.server.wsUri());
    try {
      c.awaitType("topology_update", WAIT);
      c.send("{\"type\":\"subscribe\",\"payload\":{\"query\":\"" + EVIL_QUERY + "\"}}");
      JsonNode error = c.awaitType("error", WAIT);
      assertThat(error.at("/payload/message").asText())
          .startsWith("query: regex too expensive")
          .endsWith("at position 6");
      c.send("{\"type\":\"subscribe\",\"payload\":{\"query\":\"type:host\"}}");
      JsonNode hosts = c.await(f -> nodes(f).contains(AAA_HOST), WAIT);
      assertThat(nodes(hosts)).containsExactly(AAA_HOST);
    } finally {
      c.close();
    }
  }

  @Test
  void aRegexTooExpensiveForTheTopologyIsA400WhereverAQueryIsTaken() {
    api.post("/api/v1/reports", TestServer.report(AAA_HOST));
    String q = "q=name:/((a%2B)%2B)%2Bb/";
    for (String path :
        List.of(
            "/api/v1/search?" + q,
            "/api/v1/query/topology?" + q,
            "/api/v1/export/topology?format=csv&" + q)) {
      var r = api.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(TestServer.json(r).get("error").asText())
          .as(path)
          .startsWith("regex too expensive")
          .endsWith("at position 6");
    }
    assertThat(api.get("/api/v1/search?q=name:/%5Ea%2B$/").statusCode()).isEqualTo(200);
  }

  @Test
  void oneQueryIsEncodedOncePerVersionHoweverManyAskForIt() {
    api.post("/api/v1/reports", SearchAndExportTest.web());
    FilteredTopologies filtered = new TopologyEncoding().filtered();
    Query q = Query.parse("type:process");
    FilteredTopologies.Encoded a = filtered.get(orchestrator.topology(), q);
    FilteredTopologies.Encoded b =
        filtered.get(orchestrator.topology(), Query.parse("type:process"));
    assertThat(b).isSameAs(a);
    api.post("/api/v1/reports", TestServer.report("db-1"));
    assertThat(filtered.get(orchestrator.topology(), q)).isNotSameAs(a);
  }
}
