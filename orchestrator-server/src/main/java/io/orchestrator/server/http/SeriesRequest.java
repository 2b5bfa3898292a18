package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.series.SeriesPoint;
import io.orchestrator.core.series.SeriesQuery;
import io.orchestrator.server.cli.GoDuration;
import io.orchestrator.server.json.BadRequestException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An agent's series as a request asks for them (DESIGN §4.4): {@code duration} (Go syntax, default
 * 1h), {@code metrics}, {@code scope=all}. Shared by the query and the export. Immutable.
 *
 * @param agentId the agent
 * @param durationText the duration as given ("1h" when absent)
 * @param query the selection
 * @param points the answer
 */
record SeriesRequest(
    String agentId, String durationText, SeriesQuery query, List<SeriesPoint> points) {

  /**
   * Reads the request and queries the series.
   *
   * @throws BadRequestException 400 for a bad duration, 404 for an unknown agent
   */
  static SeriesRequest of(Context ctx, Orchestrator orchestrator) {
    String id = ctx.pathParam("agent_id");
    String text = ctx.queryParam("duration");
    Duration duration = duration(text);
    if (orchestrator.agent(id).isEmpty()) {
      throw new BadRequestException(404, "unknown agent " + id);
    }
    SeriesQuery query =
        new SeriesQuery(
            duration, metrics(ctx.queryParam("metrics")), "all".equals(ctx.queryParam("scope")));
    List<SeriesPoint> points = orchestrator.series().query(id, query).orElse(List.of());
    return new SeriesRequest(id, text == null ? "1h" : text, query, points);
  }

  private static Duration duration(String text) {
    if (text == null) {
      return Duration.ofHours(1);
    }
    try {
      Duration d = GoDuration.parse(text);
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (IllegalArgumentException e) {
      // answered below, with the message the contract fixes
    }
    throw BadRequestException.badRequest("Invalid duration format");
  }

  private static Set<String> metrics(String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }
}
