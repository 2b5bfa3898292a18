package io.orchestrator.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON mapping of the wire format (DESIGN §4): snake_case names, RFC 3339 timestamps with
 * nanoseconds and offsets kept as sent, unknown fields ignored, no silent coercion (a string is not
 * a number, 1.5 is not an integer), nesting limited. Reading failures become a {@link
 * BadRequestException} whose message names the JSON path. Thread-safe.
 */
public final class WireJson {
  /** Deeper documents are refused: the wire format nests five levels. */
  public static final int MAX_NESTING = 64;

  private static final ObjectMapper MAPPER = build();

  private WireJson() {}

  private static ObjectMapper build() {
    JsonMapper mapper =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .addModule(WireModule.create())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // absent = Go zero value
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // {"agent_id":"a","agent_id":"b"}: a proxy or parser that keeps the first value
            // would see another agent than the last-one-wins default.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** The configured mapper, for serialisers that stream. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads one JSON document of {@code type} from {@code in}.
   *
   * @throws BadRequestException when the body is empty, null, malformed or does not fit
   * @throws IOException when reading the stream fails (including a body over the limit)
   */
  public static <T> T read(InputStream in, Class<T> type) throws IOException {
    T value;
    try {
      value = MAPPER.readValue(in, type);
    } catch (JsonProcessingException e) {
      throw JsonErrors.describe(e);
    }
    if (value == null) {
      throw BadRequestException.badRequest("request body must be a JSON object, not null");
    }
    return value;
  }

  /**
   * Reads one report from {@code bytes} with the wire mapping, token by token (see {@link
   * ReportReader}); the same rules and messages as {@link #read(byte[], Class)}.
   *
   * @throws BadRequestException when the body is empty, null, malformed or not a valid report
   */
  public static Report readReport(byte[] bytes) {
    return readReport(bytes, bytes.length);
  }

  /**
   * Reads one report from the first {@code length} bytes of {@code bytes}, as {@link
   * #readReport(byte[])} does.
   */
  public static Report readReport(byte[] bytes, int length) {
    try {
      return ReportReader.read(reportParser(MAPPER.getFactory().createParser(bytes, 0, length)));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading an array does not fail
    }
  }

  /**
   * Reads one report from {@code in}, as {@link #readReport(byte[])} does.
   *
   * @throws BadRequestException when the body is empty, null, malformed or not a valid report
   * @throws IOException when reading the stream fails
   */
  public static Report readReport(InputStream in) throws IOException {
    return ReportReader.read(reportParser(MAPPER.getFactory().createParser(in)));
  }

  /**
   * The reader finds duplicate keys itself, with a bit per known key instead of a set per object.
   */
  private static JsonParser reportParser(JsonParser p) {
    return p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /**
   * What to write for an accepted report: the bytes it arrived as when it came over a wire (exact,
   * DESIGN §4.2), else the parsed report.
   */
  public static Object report(ReceivedReport r) {
    return r.body() != null ? r.body() : r.report();
  }

  /**
   * Reads one JSON document of {@code type} from {@code bytes}.
   *
   * @throws BadRequestException when the body is empty, null, malformed or does not fit
   */
  public static <T> T read(byte[] bytes, Class<T> type) {
    T value;
    try {
      value = MAPPER.readValue(bytes, type);
    } catch (JsonProcessingException e) {
      throw JsonErrors.describe(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading an array does not fail
    }
    if (value == null) {
      throw BadRequestException.badRequest("request body must be a JSON object, not null");
    }
    return value;
  }

  /** Serialises {@code value} to UTF-8 bytes. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serialises {@code value} to a string. */
  public static String writeString(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
