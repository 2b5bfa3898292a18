package io.orchestrator.server.http;

import org.eclipse.jetty.http.QuotedQualityCSV;

/** Reads an {@code Accept-Encoding} header (RFC 9110 §12.5.3) for gzip. Stateless. */
final class AcceptEncoding {
  private AcceptEncoding() {}

  /**
   * True when {@code header} accepts gzip: listed by name with a non-zero weight or, when not
   * named, covered by {@code *} with a non-zero weight. Jetty's parser reads the weights (an
   * unreadable one counts as 0).
   */
  static boolean allowsGzip(String header) {
    if (header == null) {
      return false;
    }
    QuotedQualityCSV codings = new QuotedQualityCSV();
    codings.addValue(header);
    boolean wildcard = false;
    for (QuotedQualityCSV.QualityValue c : codings.getQualityValues()) {
      if (c.getValue().equalsIgnoreCase("gzip") || c.getValue().equalsIgnoreCase("x-gzip")) {
        return c.isAcceptable();
      }
      wildcard |= c.getValue().equals("*") && c.isAcceptable();
    }
    return wildcard;
  }
}
