package io.orchestrator.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.orchestrator.core.hub.EventFilter;
import io.orchestrator.core.hub.EventType;
import io.orchestrator.core.query.Query;
import io.orchestrator.core.query.QueryException;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.server.json.WireJson;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

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
  private final Supplier<Topology> topology;

  ClientMessages(Clock clock, Supplier<Topology> topology) {
    this.clock = clock;
    this.topology = topology;
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
    try {
      Set<EventType> types = new HashSet<>();
      for (String name : strings(payload, "types")) {
        types.add(
            EventType.fromWireName(name)
                .orElseThrow(() -> new Refused("subscribe: unknown event type: " + name)));
      }
      Set<String> agents = new HashSet<>(strings(payload, "agents"));
      Query query = query(payload);
      client
          .subscription()
          .filter(new EventFilter(types.isEmpty() ? DEFAULT_FILTER.types() : types, agents));
      if (!query.equals(client.query())) {
        client.query(query, topology.get());
      }
    } catch (Refused e) {
      client.send(Frames.error(e.getMessage()));
    }
  }

  /** The query in {@code payload.query}: everything when it is missing or null. */
  private static Query query(JsonNode payload) {
    JsonNode q = payload.path("query");
    if (q.isMissingNode() || q.isNull()) {
      return Query.all();
    }
    if (!q.isTextual()) {
      throw new Refused("subscribe: payload.query must be a string");
    }
    try {
      return Query.parse(q.asText());
    } catch (QueryException e) {
      throw new Refused("subscribe: query: " + e.getMessage());
    }
  }

  /** The strings in {@code payload.field}: none when it is missing or null. */
  private static List<String> strings(JsonNode payload, String field) {
    JsonNode list = payload.path(field);
    if (list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new Refused("subscribe: payload." + field + " must be an array");
    }
    List<String> out = new ArrayList<>(list.size());
    list.forEach(item -> out.add(item.asText()));
    return out;
  }

  /** A subscribe the client gets an error frame for; its filter is left as it was. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
