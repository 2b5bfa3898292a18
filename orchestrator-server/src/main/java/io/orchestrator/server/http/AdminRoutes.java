package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.core.access.ApiKey;
import io.orchestrator.core.access.Role;
import io.orchestrator.core.report.Report;
import io.orchestrator.server.json.BadRequestException;
import io.orchestrator.server.security.ApiKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API-key admin API of DESIGN §8. */
final class AdminRoutes {
  private static final int MAX_NAME = 128;

  private final ApiKeys keys;
  private final BodyReader body;

  AdminRoutes(ApiKeys keys, BodyReader body) {
    this.keys = keys;
    this.body = body;
  }

  List<Route> routes() {
    return List.of(
        Route.post("/api/v1/admin/keys", Access.ADMIN, "Create an API key", this::create),
        Route.get("/api/v1/admin/keys", Access.ADMIN, "Every API key (never a secret)", this::list),
        Route.delete("/api/v1/admin/keys/{id}", Access.ADMIN, "Revoke an API key", this::revoke));
  }

  /**
   * {@code POST /api/v1/admin/keys}.
   *
   * @param name what the key is for
   * @param role probe, viewer or admin
   * @param agentId the agent a probe key acts for, or null
   */
  record NewKey(String name, String role, String agentId) {}

  private void create(Context ctx) {
    NewKey k = body.read(ctx, NewKey.class);
    if (k.name() == null || k.name().isBlank() || k.name().length() > MAX_NAME) {
      throw BadRequestException.badRequest("name: required, 1.." + MAX_NAME + " characters");
    }
    Role role =
        Role.fromWireName(k.role() == null ? "" : k.role())
            .orElseThrow(
                () -> BadRequestException.badRequest("role: must be probe, viewer or admin"));
    if (k.agentId() != null) {
      if (role != Role.PROBE) {
        throw BadRequestException.badRequest("agent_id: only a probe key is bound to an agent");
      }
      Report.checkAgentId("agent_id", k.agentId());
    }
    ApiKeys.Created created = keys.create(k.name().strip(), role, k.agentId());
    Map<String, Object> out = view(created.key());
    out.put("key", created.secret());
    out.remove("last_used_at");
    Responses.json(ctx, 201, out);
  }

  private void list(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    keys.list().forEach(k -> out.add(view(k)));
    Responses.json(ctx, 200, Map.of("keys", out));
  }

  private void revoke(Context ctx) {
    String id = ctx.pathParam("id");
    if (!keys.revoke(id)) {
      throw new BadRequestException(404, "no API key " + id);
    }
    ctx.status(204);
  }

  private static Map<String, Object> view(ApiKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id());
    m.put("name", k.name());
    m.put("role", k.role().wireName());
    m.put("agent_id", k.agentId());
    m.put("created_at", k.createdAt());
    m.put("last_used_at", k.lastUsedAt());
    return m;
  }
}
