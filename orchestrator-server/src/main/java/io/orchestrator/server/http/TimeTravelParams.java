package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.server.json.BadRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The {@code ?at=} of time travel (DESIGN §10): an RFC 3339 instant. Stateless. */
final class TimeTravelParams {
  private TimeTravelParams() {}

  /**
   * The instant asked for, or null when the request is about now.
   *
   * @throws BadRequestException 400 when it is not an RFC 3339 timestamp
   */
  static Instant at(Context ctx) {
    String text = ctx.queryParam("at");
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw BadRequestException.badRequest(
          "invalid at: \"" + text + "\" is not an RFC 3339 timestamp (e.g. 2026-01-01T12:00:00Z)");
    }
  }
}
