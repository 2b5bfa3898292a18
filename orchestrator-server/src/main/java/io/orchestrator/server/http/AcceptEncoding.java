package io.orchestrator.server.http;

import java.util.Locale;

/** Reads an {@code Accept-Encoding} header (RFC 9110 §12.5.3) for gzip. Stateless. */
final class AcceptEncoding {
  private AcceptEncoding() {}

  /**
   * True when {@code header} accepts gzip: listed by name with a non-zero weight or, when not
   * named, covered by {@code *} with a non-zero weight.
   */
  static boolean allowsGzip(String header) {
    if (header == null) {
      return false;
    }
    Boolean wildcard = null;
    for (String part : header.split(",", -1)) {
      String[] fields = part.split(";", -1);
      String coding = fields[0].trim().toLowerCase(Locale.ROOT);
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        return weight(fields) > 0;
      }
      if (coding.equals("*")) {
        wildcard = weight(fields) > 0;
      }
    }
    return Boolean.TRUE.equals(wildcard);
  }

  /** The {@code q} of one coding: 1 when absent, 0 when unreadable (not a yes). */
  private static double weight(String[] fields) {
    for (int i = 1; i < fields.length; i++) {
      String param = fields[i].replace(" ", "").toLowerCase(Locale.ROOT);
      if (param.startsWith("q=")) {
        try {
          return Double.parseDouble(param.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
