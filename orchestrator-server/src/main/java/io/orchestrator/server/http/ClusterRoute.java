package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.cluster.BusState;
import io.orchestrator.core.cluster.ClusterStatus;
import io.orchestrator.core.cluster.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/cluster} (DESIGN §11): this replica, the lease holder and the members. */
final class ClusterRoute {
  private final Orchestrator orchestrator;

  ClusterRoute(Orchestrator orchestrator) {
    this.orchestrator = orchestrator;
  }

  List<Route> routes() {
    return List.of(
        Route.get(
            "/api/v1/cluster",
            Access.VIEWER,
            "This replica, whether it leads, and the live members",
            this::cluster));
  }

  private void cluster(Context ctx) {
    ClusterStatus s = orchestrator.cluster();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("node_id", s.nodeId());
    out.put("leader", s.leader());
    List<Map<String, Object>> members = new ArrayList<>();
    for (Member m : s.members()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("node_id", m.nodeId());
      one.put("address", m.address());
      one.put("last_seen", m.lastSeen().toString());
      one.put("leader", m.leader());
      members.add(one);
    }
    out.put("members", members);
    if (s.bus() != null) {
      out.put("bus", bus(s.bus()));
    }
    Responses.json(ctx, 200, out);
  }

  static Map<String, Object> bus(BusState b) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("connected", b.connected());
    out.put("caught_up", b.caughtUp());
    out.put("published", b.published());
    out.put("received", b.received());
    out.put("failed", b.failed());
    out.put("detail", b.detail());
    return out;
  }
}
