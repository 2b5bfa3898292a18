package io.orchestrator.server.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.orchestrator.server.json.WireJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The two row formats every export shares: NDJSON generators and CSV writers. Stateless. */
final class Rows {
  private static final CsvMapper CSV = new CsvMapper();

  private Rows() {}

  /** A generator for one JSON document per line (the caller ends each with a newline). */
  static JsonGenerator ndjson(OutputStream out) throws IOException {
    JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out);
    g.setRootValueSeparator(null);
    return g;
  }

  /** An RFC 4180 CSV writer with a header row of {@code columns}. */
  static SequenceWriter csv(OutputStream out, List<String> columns) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    return CSV.writer(schema.build()).writeValues(out);
  }
}
