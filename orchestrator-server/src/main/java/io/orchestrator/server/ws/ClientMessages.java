package io.orchestrator.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.hub.EventFilter;
import io.orchestrator.core.hub.EventType;
import io.orchestrator.server.json.WireJson;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * What a client may say on the feed (DESIGN §4.6): {@code ping}, answered with {@code pong}, and
 * {@code subscribe}, which narrows its filter; anything else is answered with an {@code error}
 * frame and the connection stays open. Thread-safe (stateless but for the clock).
 */
final class ClientMessages {
  /** What a client receives until it subscribes. */
  static final EventFilter DEFAULT_FILTER =
      new EventFilter(Set.of(EventType.TOPOLOGY_UPDATE, EventType.REPORT_UPDATE), Set.of());

  private final Clock clock;

  ClientMessages(Clock clock) {
    this.clock = clock;
  }

  /** Answers {@code text}, one message from {@code client}. */
  void handle(WsClient client, String text) {
    JsonNode msg;
    try {
      msg = WireJson.mapper().readTree(text);
    } catch (IOException e) {
      client.send(Frames.error("invalid JSON: " + e.getMessage().split("\n", 2)[0]));
      return;
    }
    String type = msg == null ? null : msg.path("type").asText(null);
    if ("ping".equals(type)) {
      client.send(Frames.pong(clock.instant()));
    } else if ("subscribe".equals(type)) {
      subscribe(client, msg.path("payload"));
    } else {
      client.send(Frames.error("unknown message type: " + (type == null ? "(none)" : type)));
    }
  }

  private void subscribe(WsClient client, JsonNode payload) {
    Set<EventType> types = new HashSet<>();
    JsonNode typeList = payload.path("types");
    if (!typeList.isMissingNode() && !typeList.isNull()) {
      if (!typeList.isArray()) {
        client.send(Frames.error("subscribe: payload.types must be an array"));
        return;
      }
      for (JsonNode t : typeList) {
        EventType type = EventType.fromWireName(t.asText()).orElse(null);
        if (type == null) {
          client.send(Frames.error("subscribe: unknown event type: " + t.asText()));
          return;
        }
        types.add(type);
      }
    }
    Set<String> agents = new HashSet<>();
    JsonNode agentList = payload.path("agents");
    if (!agentList.isMissingNode() && !agentList.isNull()) {
      if (!agentList.isArray()) {
        client.send(Frames.error("subscribe: payload.agents must be an array"));
        return;
      }
      agentList.forEach(a -> agents.add(a.asText()));
    }
    EventFilter filter = new EventFilter(types.isEmpty() ? DEFAULT_FILTER.types() : types, agents);
    client.subscription().filter(filter);
  }
}
