package io.orchestrator.server.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.report.Report;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming report reader against the data binder it replaced, on the same mapping: every
 * document either reads to an equal report with both or is refused by both, apart from the cases
 * listed in {@link #documentedDifferencesAreRefusedByTheReaderOnly}.
 */
class ReportReaderTest {
  private static final String REAL = example("report-real-probe.json");
  private static final String FULL = example("report-full.json");

  @ParameterizedTest
  @ValueSource(strings = {"report-real-probe.json", "report-full.json"})
  void readsTheExampleReportsAsTheDataBinderDoes(String name) {
    String json = example(name);
    assertSameOutcome(json);
    assertThat(WireJson.readReport(bytes(json)).agentId()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"report-real-probe.json", "report-full.json"})
  void readsAStreamAsItReadsBytes(String name) throws IOException {
    String json = example(name);
    assertThat(WireJson.readReport(new ByteArrayInputStream(bytes(json))))
        .isEqualTo(WireJson.readReport(bytes(json)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "{\"agent_id\":\"a\",\"processes_info\":{\"processes\":[null,{\"pid\":1}]}}",
        "{\"agent_id\":\"a\",\"processes_info\":{\"processes\":[{\"pid\":null,\"uid\":null}]}}",
        "{\"agent_id\":\"a\",\"docker_info\":{\"containers\":[{\"id\":\"c\",\"labels\":{\"k\":null}}]}}",
        "{\"agent_id\":\"a\",\"docker_info\":{\"containers\":[{\"labels\":{\"k\":\"1\",\"k\":\"2\"}}]}}",
        "{\"agent_id\":\"a\",\"docker_info\":{\"containers\":[{\"labels\":{\"k\":1}}]}}",
        "{\"agent_id\":\"a\",\"docker_info\":null,\"network_info\":null,\"host_info\":null}",
        "{\"agent_id\":\"a\",\"host_info\":{\"cpu_info\":{\"usage\":5},\"uptime\":-1}}",
        "{\"agent_id\":\"a\",\"host_info\":{\"uptime\":9223372036854775808}}",
        "{\"agent_id\":\"a\",\"host_info\":{\"cpu_info\":{\"cores\":true}}}",
        "{\"agent_id\":\"a\",\"host_info\":{\"load_average\":{\"load1\":1e400}}}",
        "{\"agent_id\":\"a\",\"host_info\":[]}",
        "{\"agent_id\":\"a\",\"x\":{\"y\":[1,{\"z\":2}]},\"x2\":[[]]}",
        "{\"agent_id\":\"a\",\"x\":{\"y\":1,\"y\":2}}",
        "{\"agent_id\":\"a\",\"x\":1,\"x\":2}",
        "{\"agent_id\":\"a\",\"agent_id\":\"b\"}",
        "{\"agent_id\":\"a\",\"network_info\":{\"connections\":[1]}}",
        // Keys out of the probe's order, escaped, prefixes of the expected one, repeated.
        "{\"agent_id\":\"a\",\"processes_info\":{\"processes\":[{\"cgroup\":\"x\",\"open_files\":3,\"pid\":1,\"name\":\"n\"},{\"name\":\"m\",\"pid\":2}]}}",
        "{\"agent_id\":\"a\",\"processes_info\":{\"processes\":[{\"pid\":1,\"na\\u006de\":\"x\",\"cmdline\":\"c\"}]}}",
        "{\"agent_id\":\"a\",\"processes_info\":{\"processes\":[{\"pid\":1,\"name\":\"a\",\"pid\":2}]}}",
        "{\"agent_id\":\"a\",\"processes_info\":{\"processes\":[{\"name\":\"a\",\"pid\":1,\"name\":\"b\"}]}}",
        "{\"agent_id\":\"a\",\"network_info\":{\"connections\":[{\"protocol\":\"tcp\",\"local\":1,\"local_addr\":\"1.2.3.4\",\"local_port\":5}]}}",
        "{\"agent_id\":\"a\",\"network_info\":{\"connections\":[{\"process_name\":\"p\",\"protocol\":\"udp\"},{}]}}",
        "{\"agent_id\":\"a\",\"network_info\":{\"connections\":[{\"pid\":\"7\"}]}}",
        "{\"agent_id\":\"a\",\"timestamp\":\"2025-10-14T22:44:38.601552020-07:00\"}",
        "{\"agent_id\":\"a\",\"timestamp\":\"2025-10-14t22:44:38z\"}",
        "{\"agent_id\":\"a\",\"timestamp\":\"\"}",
        "{\"agent_id\":\"a\",\"timestamp\":\" 2025-10-14T22:44:38Z \"}",
        "{\"agent_id\":\"a\",\"timestamp\":\"2025-10-14T22:44:38\"}",
        "{\"agent_id\":\"a\",\"timestamp\":{}}",
        "{\"agent_id\":\"a\",\"hostname\":[\"h\"]}",
        "{\"agent_id\":\"a\"} {}",
        "{\"agent_id\":\"a\"",
        "[]",
        "null",
        "",
        "   ",
      })
  void agreesWithTheDataBinder(String json) {
    assertSameOutcome(json);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // A number where a timestamp goes: the binder took it as epoch seconds; the wire format
        // (DESIGN §4) and every probe send RFC 3339 strings.
        "{\"agent_id\":\"a\",\"timestamp\":1700000000} | timestamp: expected a string, got 1700000000",
        "{\"agent_id\":\"a\",\"timestamp\":\"1700000000\"} | timestamp: invalid RFC 3339 timestamp",
        // An offset without its colon is not RFC 3339.
        "{\"agent_id\":\"a\",\"timestamp\":\"2025-10-14T22:44:38+0000\"} | invalid RFC 3339 timestamp",
      })
  void documentedDifferencesAreRefusedByTheReaderOnly(String json, String message) {
    assertThat(bind(json)).isNotNull();
    assertThatThrownBy(() -> WireJson.readReport(bytes(json)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"agent_id\":\"a\",\"processes_info\":{\"processes\":[{},{\"pid\":1.5}]}} | processes_info.processes[1].pid: expected an integer, got 1.5",
        "{\"agent_id\":\"a\",\"host_info\":{\"uptime\":\"5\"}} | host_info.uptime: expected an integer, got a string",
        "{\"agent_id\":\"a\",\"docker_info\":{\"containers\":{}}} | docker_info.containers: expected an array or null, got an object",
        "{\"agent_id\":\"a\",\"network_info\":{\"connections\":[{},\"x\"]}} | network_info.connections[1]: expected a JSON object, got a string",
        "{\"agent_id\":\"a\",\"processes_info\":{\"total_processes\":99999999999} | processes_info.total_processes: number out of range",
        "{\"agent_id\":\"a\",\"x\":{\"y\":1,\"y\":2}} | duplicate key in JSON object: 'y'",
        "{\"agent_id\":\"a\",\"hostname\":\"h\",\"hostname\":\"h\"} | duplicate key in JSON object: 'hostname'",
        "{\"agent_id\":\"a\",\"processes_info\":{\"processes\":[{\"name\":\"a\",\"pid\":1,\"name\":\"b\"}]}} | duplicate key in JSON object: 'name'",
        "{\"agent_id\":\"a\"} {} | content after the report",
        "{\"agent_id\":\"a/b\"} | agent_id must not contain",
        "{\"agent_id\":\"a\",\"host_info\":{\"uptime\":1DIGITS}} | JSON over a parser limit: Number value length (1201) exceeds the maximum allowed (1000)",
        "{\"agent_id\":\"a\",\"x\":DEEP} | JSON nested too deeply",
      })
  void refusalsNameThePathAndTheProblem(String template, String message) {
    String json =
        template
            .replace("DIGITS", "0".repeat(1_200))
            .replace("DEEP", "[".repeat(100) + "]".repeat(100));
    assertThatThrownBy(() -> WireJson.readReport(bytes(json)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @ValueSource(longs = {20261206L, 7L, 42L})
  void mangledReportsHaveTheSameOutcomeWithBothReaders(long seed) {
    Random rnd = new Random(seed);
    int accepted = 0;
    String alphabet = "{}[]\":,0123456789.-eEtrufalsn \\x";
    for (int i = 0; i < 400; i++) {
      StringBuilder sb = new StringBuilder(rnd.nextBoolean() ? REAL : FULL);
      int edits = 1 + rnd.nextInt(3);
      for (int e = 0; e < edits && sb.length() > 0; e++) {
        int at = rnd.nextInt(sb.length());
        switch (rnd.nextInt(4)) {
          case 0 -> sb.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
          case 1 -> sb.deleteCharAt(at);
          case 2 -> sb.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
          default -> sb.setLength(at);
        }
      }
      accepted += assertSameOutcome(sb.toString()) ? 1 : 0;
    }
    assertThat(accepted).as("documents both read, of 400").isBetween(1, 399);
  }

  /** True when both read the document, false when both refused it. */
  private static boolean assertSameOutcome(String json) {
    Report bound = bind(json);
    Report read;
    try {
      read = WireJson.readReport(bytes(json));
    } catch (BadRequestException e) {
      assertThat(bound)
          .as("the binder accepted what the reader refused (%s): %s", e, json)
          .isNull();
      return false;
    }
    assertThat(bound).as("the reader accepted what the binder refused: %s", json).isNotNull();
    assertThat(read).as(json).isEqualTo(bound);
    return true;
  }

  /** The report the data binder reads, or null when it refuses the document. */
  private static Report bind(String json) {
    try {
      return WireJson.read(bytes(json), Report.class);
    } catch (BadRequestException e) {
      return null;
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String example(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs/examples").resolve(name);
      if (Files.exists(candidate)) {
        try {
          return Files.readString(candidate);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("docs/examples/" + name + " not found above the module");
  }
}
