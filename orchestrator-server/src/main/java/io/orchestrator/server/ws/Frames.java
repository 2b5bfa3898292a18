package io.orchestrator.server.ws;

import io.orchestrator.core.hub.Event;
import io.orchestrator.core.hub.HubEvent;
import io.orchestrator.core.query.Query;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.server.alert.AlertJson;
import io.orchestrator.server.json.TopologyEncoding;
import io.orchestrator.server.json.WireJson;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON frames of the feed, {@code {"type": ..., "payload": ...}}, as read-only UTF-8 buffers
 * that clients share (each sender slices its own view).
 */
final class Frames {
  private final TopologyEncoding topology;

  Frames(TopologyEncoding topology) {
    this.topology = topology;
  }

  /** The current topology as a frame, shared with REST and every client at this version. */
  ByteBuffer topology(Topology t) {
    return topology.frame(t);
  }

  /** The topology as {@code query} filters it, shared by every client with that query. */
  ByteBuffer topology(Topology t, Query query) {
    return query.isEmpty() ? topology.frame(t) : topology.filtered().get(t, query).frame();
  }

  /**
   * A non-topology event as a frame; used through {@link Event#encoded} so it is built once.
   * Topology events go through {@link #topology}, which caches per version.
   */
  ByteBuffer event(Event e) {
    HubEvent h = e.payload();
    Object payload;
    if (h instanceof HubEvent.ReportReceived r) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("agent_id", e.agentId());
      p.put("report", WireJson.report(r.report()));
      payload = p;
    } else if (h instanceof HubEvent.AlertChanged a) {
      payload = AlertJson.event(a.event());
    } else if (h instanceof HubEvent.AgentRegistered a) {
      payload = a.agent();
    } else {
      payload = Map.of("agent_id", e.agentId());
    }
    return frame(e.type().wireName(), payload);
  }

  static ByteBuffer pong(Instant now) {
    return frame("pong", Map.of("timestamp", now.toString()));
  }

  static ByteBuffer error(String message) {
    return frame("error", Map.of("message", message));
  }

  private static ByteBuffer frame(String type, Object payload) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", type);
    f.put("payload", payload);
    return ByteBuffer.wrap(WireJson.write(f)).asReadOnlyBuffer();
  }
}
