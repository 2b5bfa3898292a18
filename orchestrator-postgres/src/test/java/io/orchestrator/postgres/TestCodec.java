package io.orchestrator.postgres;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.report.ReportCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reports as snake_case JSON, enough for these tests; the server's wire mapping is the real one.
 */
final class TestCodec implements ReportCodec {
  static final TestCodec INSTANCE = new TestCodec();

  private final ObjectMapper json =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  @Override
  public ReportBody encode(Report report) {
    try {
      return ReportBody.of(json.writeValueAsBytes(report));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Report decode(ReportBody body) {
    try {
      return json.readValue(body.openStream(), Report.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
