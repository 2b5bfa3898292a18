package io.orchestrator.core.query;

import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.Topology;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * A network edge as a query sees it (DESIGN §12): fields {@code source}, {@code target}, {@code
 * protocol}, {@code type} and {@code external} ({@code true} when an end is no node of the
 * topology: an address outside the fleet), metric {@code connections}. Thread-safe: a view over
 * immutable objects.
 */
public final class EdgeSubject implements Subject {
  private final Edge edge;
  private final boolean external;

  private EdgeSubject(Edge edge, boolean external) {
    this.edge = edge;
    this.external = external;
  }

  /** {@code edge} of {@code topology}. */
  public static EdgeSubject of(Edge edge, Topology topology) {
    boolean external =
        !topology.nodes().containsKey(edge.target())
            || !topology.nodes().containsKey(edge.source());
    return new EdgeSubject(edge, external);
  }

  /** True when an end is no node of the topology. */
  public boolean external() {
    return external;
  }

  @Override
  public boolean anyText(Predicate<String> test) {
    return test.test(edge.source())
        || test.test(edge.target())
        || test.test(edge.type().wireName())
        || (edge.protocol() != null && test.test(edge.protocol()));
  }

  @Override
  public List<String> field(String name) {
    return switch (name) {
      case "source" -> List.of(edge.source());
      case "target" -> List.of(edge.target());
      case "type" -> List.of(edge.type().wireName());
      case "protocol" -> edge.protocol() == null ? List.of() : List.of(edge.protocol());
      case "external" -> List.of(Boolean.toString(external));
      default -> List.of();
    };
  }

  @Override
  public OptionalDouble metric(String name) {
    return name.equals("connections")
        ? OptionalDouble.of(edge.connections())
        : OptionalDouble.empty();
  }
}
