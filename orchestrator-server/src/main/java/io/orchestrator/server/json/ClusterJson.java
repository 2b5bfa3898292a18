package io.orchestrator.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.alert.Alert;
import io.orchestrator.core.alert.AlertEvent;
import io.orchestrator.core.alert.AlertStatus;
import io.orchestrator.core.cluster.ClusterEvent;
import io.orchestrator.core.cluster.ClusterEventCodec;
import io.orchestrator.core.report.ReportBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cluster bus's wire form: a length-prefixed JSON header, then, for a report, the report's
 * bytes exactly as the probe sent them (never parsed and written again). Thread-safe.
 */
public final class ClusterJson implements ClusterEventCodec {
  /** The one instance. */
  public static final ClusterJson INSTANCE = new ClusterJson();

  private static final ObjectMapper MAPPER = WireJson.mapper();

  private ClusterJson() {}

  @Override
  public byte[] encode(ClusterEvent event) {
    ObjectNode h = MAPPER.createObjectNode().put("origin", event.origin());
    ByteBuffer body = ByteBuffer.allocate(0);
    if (event instanceof ClusterEvent.ReportAccepted r) {
      h.put("type", "report").put("received_at", r.receivedAt().toString());
      h.set("agent", agent(r.agent()));
      body = r.body().asReadOnlyBuffer();
    } else if (event instanceof ClusterEvent.AgentRegistered a) {
      h.put("type", "registered").set("agent", agent(a.agent()));
    } else if (event instanceof ClusterEvent.Heartbeat b) {
      h.put("type", "heartbeat").put("agent_id", b.agentId()).put("at", b.at().toString());
    } else if (event instanceof ClusterEvent.AlertChanged a) {
      h.put("type", "alert").set("alert", alert(a.event()));
    } else {
      h.put("type", "resync");
    }
    byte[] head = WireJson.write(h);
    return ByteBuffer.allocate(4 + head.length + body.remaining())
        .putInt(head.length)
        .put(head)
        .put(body)
        .array();
  }

  @Override
  public ClusterEvent decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      int n = in.getInt();
      if (n < 0 || n > bytes.length - 4) {
        throw new IllegalArgumentException("bad header length " + n);
      }
      JsonNode h = MAPPER.readTree(bytes, 4, n);
      String origin = h.required("origin").asText();
      return switch (h.required("type").asText()) {
        case "report" ->
            new ClusterEvent.ReportAccepted(
                origin,
                agent(h.required("agent")),
                instant(h, "received_at"),
                ReportBody.of(Arrays.copyOfRange(bytes, 4 + n, bytes.length)));
        case "registered" -> new ClusterEvent.AgentRegistered(origin, agent(h.required("agent")));
        case "heartbeat" ->
            new ClusterEvent.Heartbeat(origin, h.required("agent_id").asText(), instant(h, "at"));
        case "alert" -> new ClusterEvent.AlertChanged(origin, alert(h.required("alert")));
        case "resync" -> new ClusterEvent.Resync(origin);
        default -> throw new IllegalArgumentException("unknown event type " + h.get("type"));
      };
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a cluster event: " + e.getMessage(), e);
    }
  }

  private static ObjectNode agent(Agent a) {
    ObjectNode n =
        MAPPER
            .createObjectNode()
            .put("agent_id", a.agentId())
            .put("hostname", a.hostname())
            .put("registered_at", a.registeredAt().toString())
            .put("last_seen", a.lastSeen().toString())
            .put("last_report_at", a.lastReportAt() == null ? null : a.lastReportAt().toString());
    n.set("metadata", MAPPER.valueToTree(a.metadata()));
    return n;
  }

  private static Agent agent(JsonNode n) {
    return new Agent(
        n.required("agent_id").asText(),
        n.required("hostname").asText(),
        strings(n.get("metadata")),
        instant(n, "registered_at"),
        instant(n, "last_seen"),
        n.hasNonNull("last_report_at") ? instant(n, "last_report_at") : null,
        AgentStatus.ACTIVE);
  }

  private static ObjectNode alert(AlertEvent e) {
    Alert a = e.alert();
    ObjectNode n =
        MAPPER
            .createObjectNode()
            .put("status", e.status().name())
            .put("at", e.at().toString())
            .put("rule", a.rule())
            .put("state", a.state().name())
            .put("active_since", a.activeSince().toString())
            .put("fired_at", a.firedAt() == null ? null : a.firedAt().toString())
            .put("value", a.value());
    n.set("labels", MAPPER.valueToTree(a.labels()));
    n.set("annotations", MAPPER.valueToTree(a.annotations()));
    return n;
  }

  private static AlertEvent alert(JsonNode n) {
    Alert a =
        new Alert(
            n.required("rule").asText(),
            AlertStatus.valueOf(n.required("state").asText()),
            strings(n.get("labels")),
            strings(n.get("annotations")),
            instant(n, "active_since"),
            n.hasNonNull("fired_at") ? instant(n, "fired_at") : null,
            n.hasNonNull("value") ? n.get("value").asDouble() : null);
    return new AlertEvent(AlertStatus.valueOf(n.required("status").asText()), a, instant(n, "at"));
  }

  private static Map<String, String> strings(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    if (n != null) {
      n.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
    }
    return m;
  }

  private static Instant instant(JsonNode n, String field) {
    return Instant.parse(n.required(field).asText());
  }
}
