package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports read by other people's parsers: NetworkX (Debian's python3-networkx) reads the GraphML,
 * Python's csv module the CSV. A missing python3-networkx fails the test: .ci/run installs it.
 */
class NetworkxExportIT {
  private static final String SCRIPT =
      """
      import csv, json, sys, networkx
      g = networkx.read_graphml(sys.argv[1])
      rows = list(csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8')))
      proc = [r for r in rows if r['type'] == 'process'][0]
      print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
        'directed': g.is_directed(), 'web_type': g.nodes['web-1']['type'],
        'external': g.nodes['203.0.113.9:443']['type'],
        'connections': g.edges['web-1-42', '203.0.113.9:443']['connections'],
        'cmdline': proc['cmdline']}))
      """;

  @TempDir Path dir;

  @Test
  void networkxReadsTheGraphmlAndPythonsCsvReaderTheCsv() throws Exception {
    try (TestServer api = TestServer.start(b -> b)) {
      assertThat(api.post("/api/v1/reports", SearchAndExportTest.web()).statusCode())
          .isEqualTo(202);
      Path graphml = dir.resolve("t.graphml");
      Files.writeString(graphml, api.get("/api/v1/export/topology?format=graphml").body());
      Path csv = dir.resolve("t.csv");
      Files.writeString(csv, api.get("/api/v1/export/topology?format=csv").body());
      Path script = dir.resolve("read.py");
      Files.writeString(script, SCRIPT);
      Process p =
          new ProcessBuilder(
                  "/usr/bin/python3", script.toString(), graphml.toString(), csv.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      JsonNode read = TestServer.tree(out);
      assertThat(read.get("nodes").asInt()).isEqualTo(4);
      assertThat(read.get("edges").asInt()).isEqualTo(3);
      assertThat(read.get("directed").asBoolean()).isTrue();
      assertThat(read.get("web_type").asText()).isEqualTo("host");
      assertThat(read.get("external").asText()).isEqualTo("external");
      assertThat(read.get("connections").asInt()).isEqualTo(1);
      assertThat(read.get("cmdline").asText()).isEqualTo(SearchAndExportTest.CMDLINE);
    }
  }
}
