package io.orchestrator.core.query;

import io.orchestrator.core.topology.Edge;
import java.util.List;
import java.util.function.Predicate;

/**
 * A network edge as a query sees it (DESIGN §12): fields {@code source}, {@code target}, {@code
 * protocol}, {@code type} and {@code external} ({@code true} when an end is no node of the
 * topology: an address outside the fleet), metric {@code connections}. Thread-safe: a view over an
 * immutable edge.
 */
public final class EdgeSubject implements Subject {
  private final Edge edge;

  private EdgeSubject(Edge edge) {
    this.edge = edge;
  }

  /** {@code edge} as a query sees it. */
  public static EdgeSubject of(Edge edge) {
    return new EdgeSubject(edge);
  }

  /** True when an end is an address outside the fleet (a server's, or an unknown client's). */
  public boolean external() {
    return edge.external();
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
      case "external" -> List.of(Boolean.toString(external()));
      default -> List.of();
    };
  }

  @Override
  public boolean anyField(String name, Predicate<String> test) {
    return switch (name) {
      case "source" -> test.test(edge.source());
      case "target" -> test.test(edge.target());
      case "type" -> test.test(edge.type().wireName());
      case "protocol" -> edge.protocol() != null && test.test(edge.protocol());
      case "external" -> test.test(external() ? "true" : "false");
      default -> false;
    };
  }

  @Override
  public double metric(String name) {
    return name.equals("connections") ? edge.connections() : Double.NaN;
  }
}
