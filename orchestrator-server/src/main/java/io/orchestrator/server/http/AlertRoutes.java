package io.orchestrator.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.orchestrator.core.alert.Alert;
import io.orchestrator.core.alert.AlertRule;
import io.orchestrator.core.alert.AlertStatus;
import io.orchestrator.core.alert.Alerting;
import io.orchestrator.server.alert.AlertJson;
import io.orchestrator.server.alert.RuleJson;
import io.orchestrator.server.json.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The alerting API of DESIGN §12: active alerts, and rules kept in the storage. */
final class AlertRoutes {
  private final Alerting alerting;
  private final BodyReader body;

  AlertRoutes(Alerting alerting, BodyReader body) {
    this.alerting = alerting;
    this.body = body;
  }

  List<Route> routes() {
    return List.of(
        Route.get("/api/v1/alerts", Access.VIEWER, "Alerts pending or firing", this::alerts),
        Route.get("/api/v1/alerts/rules", Access.VIEWER, "Every alert rule", this::rules),
        Route.get("/api/v1/alerts/rules/{name}", Access.VIEWER, "One alert rule", this::rule),
        Route.put(
            "/api/v1/alerts/rules/{name}", Access.ADMIN, "Add or replace an alert rule", this::put),
        Route.delete(
            "/api/v1/alerts/rules/{name}", Access.ADMIN, "Delete an alert rule", this::delete));
  }

  /** {@code ?state=pending|firing} and {@code ?rule=NAME} narrow the list. */
  private void alerts(Context ctx) {
    String state = ctx.queryParam("state");
    if (state != null && !state.equals("pending") && !state.equals("firing")) {
      throw BadRequestException.badRequest("state: must be pending or firing");
    }
    String rule = ctx.queryParam("rule");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Alert a : alerting.active()) {
      if ((state == null || a.state() == AlertStatus.valueOf(state.toUpperCase(Locale.ROOT)))
          && (rule == null || a.rule().equals(rule))) {
        out.add(AlertJson.alert(a));
      }
    }
    Responses.json(ctx, 200, Map.of("alerts", out));
  }

  private void rules(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    alerting.rules().list().forEach(r -> out.add(RuleJson.write(r)));
    Responses.json(ctx, 200, Map.of("rules", out));
  }

  private void rule(Context ctx) {
    String name = ctx.pathParam("name");
    AlertRule r =
        alerting
            .rules()
            .get(name)
            .orElseThrow(() -> new BadRequestException(404, "no alert rule " + name));
    Responses.json(ctx, 200, RuleJson.write(r));
  }

  private void put(Context ctx) {
    AlertRule r = RuleJson.read(body.read(ctx, JsonNode.class), ctx.pathParam("name"));
    boolean created;
    try {
      created = alerting.rules().put(r);
    } catch (IllegalStateException e) {
      throw new BadRequestException(409, e.getMessage());
    }
    Responses.json(ctx, created ? 201 : 200, RuleJson.write(r));
  }

  private void delete(Context ctx) {
    String name = ctx.pathParam("name");
    if (!alerting.rules().delete(name)) {
      throw new BadRequestException(404, "no alert rule " + name);
    }
    ctx.status(204);
  }
}
