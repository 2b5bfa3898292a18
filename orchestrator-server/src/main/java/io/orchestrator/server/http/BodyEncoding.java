package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.server.json.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Which request bodies the API takes: JSON, identity or gzip-encoded (probes of Scope's lineage
 * compress). {@code Content-Type} may be absent, JSON ({@code application/json}, {@code +json}), or
 * what {@code curl -d} and simple clients send ({@code text/plain}, {@code
 * application/x-www-form-urlencoded}), since the body is JSON whatever they call it; anything else,
 * and any other {@code Content-Encoding}, is refused with 415 naming what is taken. Stateless and
 * thread-safe.
 */
final class BodyEncoding {
  private static final Set<String> MEDIA_TYPES =
      Set.of("application/json", "text/plain", "application/x-www-form-urlencoded");

  private BodyEncoding() {}

  /**
   * Checks the body's media type and encoding.
   *
   * @return true when the body is gzip-encoded
   * @throws BadRequestException 415 for a media type or encoding the API does not take
   */
  static boolean check(Context ctx) {
    String type = ctx.header("Content-Type");
    if (type != null && !type.isBlank()) {
      String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!MEDIA_TYPES.contains(media) && !media.endsWith("+json")) {
        throw new BadRequestException(
            415, "unsupported Content-Type: " + media + " (send application/json)");
      }
    }
    String encoding = ctx.header("Content-Encoding");
    if (encoding == null || encoding.isBlank()) {
      return false;
    }
    String e = encoding.strip().toLowerCase(Locale.ROOT);
    if (e.equals("identity")) {
      return false;
    }
    if (e.equals("gzip") || e.equals("x-gzip")) {
      return true;
    }
    throw new BadRequestException(
        415, "unsupported Content-Encoding: " + e + " (supported: gzip, identity)");
  }

  /** A stream that inflates gzip {@code raw}; the caller bounds what it yields. */
  static InputStream inflating(InputStream raw) throws IOException {
    return new GZIPInputStream(raw, 8 * 1024);
  }
}
