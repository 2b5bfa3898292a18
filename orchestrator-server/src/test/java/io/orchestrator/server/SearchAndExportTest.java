package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Search, filtered topologies and exports (DESIGN §9.2, §9.3), read back by real parsers. */
class SearchAndExportTest {
  static final String CMDLINE = "nginx -g \"daemon off;\", worker\nsecond line";
  static final String CID = "a".repeat(64);
  private static TestServer api;

  static String web() {
    return "{\"agent_id\":\"web-1\",\"hostname\":\"web-1\","
        + "\"host_info\":{\"cpu_info\":{\"model\":\"x\",\"cores\":4,\"usage\":95.5}},"
        + "\"docker_info\":{\"containers\":[{\"id\":\""
        + CID
        + "\",\"name\":\"front\","
        + "\"image\":\"nginx:1.25\",\"state\":\"running\",\"labels\":{\"app\":\"web\",\"tier\":\"edge\"},"
        + "\"stats\":{\"cpu_percent\":60,\"memory_usage_mb\":256}}]},"
        + "\"processes_info\":{\"processes\":[{\"pid\":42,\"name\":\"nginx\",\"cmdline\":"
        + TestServer.JSON.valueToTree(CMDLINE)
        + ",\"cgroup\":\"/docker/"
        + CID
        + "\"}]},"
        + "\"network_info\":{\"connections\":[{\"protocol\":\"tcp\",\"local_addr\":\"10.0.0.1\","
        + "\"local_port\":40000,\"remote_addr\":\"203.0.113.9\",\"remote_port\":443,\"pid\":42}]}}";
  }

  @BeforeAll
  static void start() {
    api = TestServer.start(b -> b);
    assertThat(api.post("/api/v1/reports", web()).statusCode()).isEqualTo(202);
    assertThat(api.post("/api/v1/reports", TestServer.report("db-1")).statusCode()).isEqualTo(202);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void searchAnswersTotalCountAndNodesInTypeThenIdOrder() {
    JsonNode all = TestServer.json(api.get("/api/v1/search"));
    assertThat(all.get("total").asInt()).isEqualTo(4);
    List<String> ids = new ArrayList<>();
    all.get("nodes").forEach(n -> ids.add(n.get("id").asText()));
    assertThat(ids).containsExactly("db-1", "web-1", CID, "web-1-42");
    JsonNode found = TestServer.json(api.get("/api/v1/search?q=image:nginx+cpu%3E50&limit=1"));
    assertThat(found.get("query").asText()).isEqualTo("image:nginx cpu>50");
    assertThat(found.get("total").asInt()).isEqualTo(1);
    assertThat(found.at("/nodes/0/id").asText()).isEqualTo(CID);
    JsonNode limited = TestServer.json(api.get("/api/v1/search?q=web&limit=2"));
    assertThat(limited.get("total").asInt()).isEqualTo(3);
    assertThat(limited.get("count").asInt()).isEqualTo(2);
    HttpResponse<String> bad = api.get("/api/v1/search?q=cpu+%3E+lots");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(bad).get("error").asText())
        .isEqualTo("bad number 'lots' at position 7");
    assertThat(api.get("/api/v1/search?limit=0").statusCode()).isEqualTo(400);
    assertThat(api.get("/api/v1/search?limit=10001").statusCode()).isEqualTo(400);
  }

  @Test
  void aFilteredTopologyKeepsAncestorsAndOnlyEdgesBetweenKeptNodes() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/query/topology?q=name:nginx");
    JsonNode t = TestServer.json(r).get("topology");
    List<String> nodes = new ArrayList<>();
    t.get("nodes").fieldNames().forEachRemaining(nodes::add);
    assertThat(nodes).containsExactlyInAnyOrder("web-1", CID, "web-1-42");
    List<String> edges = new ArrayList<>();
    t.get("edges").fieldNames().forEachRemaining(edges::add);
    assertThat(edges).containsExactlyInAnyOrder("web-1->" + CID, CID + "->web-1-42");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertThat(etag)
        .isNotEqualTo(api.get("/api/v1/query/topology").headers().firstValue("ETag").orElseThrow());
    HttpResponse<String> cached =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/query/topology?q=name:nginx"))
                .header("If-None-Match", etag)
                .build());
    assertThat(cached.statusCode()).isEqualTo(304);
    HttpResponse<byte[]> gz =
        api.http.send(
            HttpRequest.newBuilder(api.uri("/api/v1/query/topology?type=host&agent=db-1"))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
    JsonNode shorthand =
        TestServer.JSON.readTree(new GZIPInputStream(new ByteArrayInputStream(gz.body())));
    assertThat(shorthand.at("/topology/nodes").size()).isEqualTo(1);
    assertThat(shorthand.at("/topology/nodes/db-1").isObject()).isTrue();
  }

  @Test
  void csvExportsQuoteByRfc4180AndReadBackExactly() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/export/topology?format=csv&q=type:process");
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .isEqualTo("text/csv; charset=utf-8");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"topology.csv\"");
    List<List<String>> rows = csv(r.body());
    assertThat(rows.get(0))
        .containsExactly(
            "id",
            "type",
            "name",
            "parent_id",
            "agent_id",
            "image",
            "state",
            "cpu_usage",
            "memory_usage",
            "pid",
            "cmdline",
            "labels");
    List<String> process =
        rows.stream().filter(row -> row.get(0).equals("web-1-42")).findFirst().orElseThrow();
    assertThat(process.get(10)).isEqualTo(CMDLINE);
    assertThat(process.get(4)).isEqualTo("web-1");
    List<List<String>> containers =
        csv(api.get("/api/v1/export/topology?format=csv&q=type:container").body());
    List<String> container =
        containers.stream().filter(row -> row.get(1).equals("container")).findFirst().orElseThrow();
    assertThat(container.get(11)).isIn("app=web;tier=edge", "tier=edge;app=web");
    assertThat(container.get(5)).isEqualTo("nginx:1.25");
    List<List<String>> edges = csv(api.get("/api/v1/export/topology?format=csv&what=edges").body());
    assertThat(edges.get(0)).containsExactly("source", "target", "type", "protocol", "connections");
    assertThat(edges)
        .anySatisfy(
            e ->
                assertThat(e)
                    .containsExactly("web-1-42", "203.0.113.9:443", "network", "tcp", "1"));
  }

  @Test
  void ndjsonAndJsonAndGraphmlExportsParse() throws Exception {
    String nd = api.get("/api/v1/export/topology?format=ndjson").body();
    List<JsonNode> lines = new ArrayList<>();
    nd.lines().forEach(line -> lines.add(TestServer.tree(line)));
    assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("node")).hasSize(4);
    assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("edge")).isNotEmpty();
    assertThat(TestServer.json(api.get("/api/v1/export/topology?format=json")))
        .isEqualTo(TestServer.json(api.get("/api/v1/query/topology")));

    HttpResponse<String> g = api.get("/api/v1/export/topology?format=graphml");
    assertThat(g.headers().firstValue("Content-Type")).contains("application/graphml+xml");
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(g.body().getBytes(StandardCharsets.UTF_8)));
    NodeList nodes = doc.getElementsByTagName("node");
    assertThat(nodes.getLength()).isEqualTo(5); // four nodes and the external address
    NodeList edges = doc.getElementsByTagName("edge");
    boolean network = false;
    for (int i = 0; i < edges.getLength(); i++) {
      Element e = (Element) edges.item(i);
      network |= e.getAttribute("target").equals("203.0.113.9:443");
    }
    assertThat(network).isTrue();
  }

  @Test
  void agentAndSeriesExportsAndUnknownFormats() throws Exception {
    List<List<String>> agents = csv(api.get("/api/v1/export/agents?format=csv").body());
    assertThat(agents.get(0))
        .containsExactly(
            "agent_id", "hostname", "status", "registered_at", "last_seen", "last_report_at");
    assertThat(agents).hasSize(3);
    assertThat(TestServer.json(api.get("/api/v1/export/agents")).get("count").asInt()).isEqualTo(2);
    assertThat(api.get("/api/v1/export/agents?format=ndjson").body().lines()).hasSize(2);
    List<List<String>> series =
        csv(api.get("/api/v1/export/agents/web-1/timeseries?format=csv&scope=all").body());
    assertThat(series.get(0)).containsExactly("timestamp", "metric", "value");
    assertThat(series).anySatisfy(row -> assertThat(row.get(1)).isEqualTo("host.cpu.usage"));
    assertThat(api.get("/api/v1/export/agents/nobody/timeseries").statusCode()).isEqualTo(404);
    HttpResponse<String> xml = api.get("/api/v1/export/agents?format=xml");
    assertThat(xml.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(xml).get("error").asText()).contains("json, ndjson, csv");
    assertThat(api.get("/api/v1/export/topology?format=csv&what=both").statusCode()).isEqualTo(400);
  }

  static List<List<String>> csv(String text) throws Exception {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
