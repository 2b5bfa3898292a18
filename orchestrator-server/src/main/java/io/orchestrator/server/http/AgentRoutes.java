package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.Registration;
import io.orchestrator.server.json.WireJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registration, heartbeat, agent config and the agent list (DESIGN §4.2). */
final class AgentRoutes {
  private static final List<String> COLLECTORS = List.of("host", "docker", "processes", "network");

  private final Orchestrator orchestrator;
  private final BodyReader body;
  private final Clock clock;

  AgentRoutes(Orchestrator orchestrator, BodyReader body, Clock clock) {
    this.orchestrator = orchestrator;
    this.body = body;
    this.clock = clock;
  }

  List<Route> routes() {
    return List.of(
        Route.post(
            "/api/v1/agents/register",
            Access.PROBE,
            "Register or re-register an agent",
            this::registerAgent),
        Route.post(
            "/api/v1/agents/heartbeat/{agent_id}",
            Access.PROBE,
            "Refresh an agent's last contact",
            this::heartbeat),
        Route.get(
            "/api/v1/agents/config/{agent_id}",
            Access.PROBE,
            "An agent's collection settings",
            this::config),
        Route.get("/api/v1/agents/list", Access.VIEWER, "Every agent with its status", this::list));
  }

  private void registerAgent(Context ctx) {
    WireRequests.RegisterBody b = body.read(ctx, WireRequests.RegisterBody.class);
    Registration r = new Registration(b.agentId(), b.hostname(), b.metadata());
    ctx.attribute(RequestObserver.AGENT, r.agentId());
    Guard.actFor(ctx, r.agentId());
    boolean created = orchestrator.register(r);
    Responses.json(
        ctx,
        created ? 201 : 200,
        Map.of(
            "status",
            "registered",
            "message",
            "Agent " + r.agentId() + " registered successfully"));
  }

  private void heartbeat(Context ctx) {
    boolean known = orchestrator.heartbeat(ctx.pathParam("agent_id"));
    Responses.json(
        ctx, 200, Map.of("status", "ok", "timestamp", clock.instant().toString(), "known", known));
  }

  private void config(Context ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent_id", ctx.pathParam("agent_id"));
    out.put("collection_interval", "15s");
    out.put("heartbeat_interval", "60s");
    out.put("enabled_collectors", COLLECTORS);
    Responses.json(ctx, 200, out);
  }

  private void list(Context ctx) {
    boolean withReport = "last_report".equals(ctx.queryParam("include"));
    List<Map<String, Object>> agents = new ArrayList<>();
    for (Agent a : orchestrator.agents()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("agent_id", a.agentId());
      view.put("hostname", a.hostname());
      view.put("metadata", a.metadata());
      view.put("registered_at", a.registeredAt());
      view.put("last_seen", a.lastSeen());
      view.put("status", a.status());
      view.put("last_report_at", a.lastReportAt());
      if (withReport) {
        view.put(
            "last_report",
            orchestrator.latestReport(a.agentId()).map(WireJson::report).orElse(null));
      }
      agents.add(view);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agents", agents);
    out.put("count", agents.size());
    Responses.json(ctx, 200, out);
  }
}
