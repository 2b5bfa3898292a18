package io.orchestrator.server.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.orchestrator.core.agent.AgentStatus;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.EdgeType;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Wire names for core enums and the compact edge form (DESIGN §4.3). */
final class WireModule {
  private WireModule() {}

  static SimpleModule create() {
    SimpleModule m = new SimpleModule("orchestrator-wire");
    m.addSerializer(NodeType.class, named(NodeType.class, NodeType::wireName));
    m.addSerializer(EdgeType.class, named(EdgeType.class, EdgeType::wireName));
    m.addSerializer(AgentStatus.class, named(AgentStatus.class, AgentStatus::wireName));
    m.addSerializer(Edge.class, new EdgeSerializer());
    m.addSerializer(ReportBody.class, new ReportBodySerializer());
    m.setMixInAnnotation(Topology.class, TopologyWire.class);
    return m;
  }

  /**
   * A topology's wire form has no content tag: it identifies the topology for {@code ETag}s (DESIGN
   * §11) and is not part of the compatible body (DESIGN §4.3).
   */
  @JsonIgnoreProperties({"contentTag", "content_tag"})
  private abstract static class TopologyWire {}

  private static <T> StdSerializer<T> named(Class<T> type, Function<T, String> name) {
    return new StdSerializer<>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
          throws IOException {
        gen.writeString(name.apply(value));
      }
    };
  }

  /** {@code {source, target, type}} plus {@code protocol, connections} on network edges. */
  private static final class EdgeSerializer extends StdSerializer<Edge> {
    private static final long serialVersionUID = 1L;

    EdgeSerializer() {
      super(Edge.class);
    }

    @Override
    public void serialize(Edge e, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeStringField("source", e.source());
      gen.writeStringField("target", e.target());
      gen.writeStringField("type", e.type().wireName());
      if (e.type() == EdgeType.NETWORK) {
        gen.writeStringField("protocol", e.protocol());
        gen.writeNumberField("connections", e.connections());
      }
      gen.writeEndObject();
    }
  }

  /** The bytes as they arrived: the report exactly as the probe wrote it (DESIGN §4.2). */
  private static final class ReportBodySerializer extends StdSerializer<ReportBody> {
    private static final long serialVersionUID = 1L;

    ReportBodySerializer() {
      super(ReportBody.class);
    }

    @Override
    public void serialize(ReportBody body, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeRawValue(StandardCharsets.UTF_8.decode(body.asReadOnlyBuffer()).toString());
    }
  }
}
