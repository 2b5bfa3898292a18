package io.orchestrator.core.query;

import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.NodeType;
import io.orchestrator.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A topology node as a query sees it (DESIGN §9.1): its text is its id, type, name, parent, every
 * string metadata value, labels as {@code key=value}, listening ports as {@code proto/port} and a
 * process's pid; {@code cpu} is {@code cpu_usage} and {@code memory} the resident bytes (from MiB).
 * A view over immutable objects that remembers its last three lookups: use one from one thread.
 */
public final class NodeSubject implements Subject {
  private static final double MIB = 1024.0 * 1024.0;

  private final Node node;
  private final Topology topology;
  private String k0;
  private String k1;
  private String k2;
  private Object v0;
  private Object v1;
  private Object v2;

  private NodeSubject(Node node, Topology topology) {
    this.node = node;
    this.topology = topology;
  }

  /** {@code node} of {@code topology} (which answers the {@code agent} field). */
  public static NodeSubject of(Node node, Topology topology) {
    return new NodeSubject(node, topology);
  }

  @Override
  public boolean anyText(Predicate<String> test) {
    if (test.test(node.id()) || test.test(node.type().wireName())) {
      return true;
    }
    if ((node.name() != null && test.test(node.name()))
        || (node.parentId() != null && test.test(node.parentId()))) {
      return true;
    }
    for (Map.Entry<String, Object> e : node.metadata().entrySet()) {
      Object v = e.getValue();
      if (v instanceof String s) {
        if (test.test(s)) {
          return true;
        }
      } else if (e.getKey().equals("pid") && v instanceof Number n) {
        if (test.test(Long.toString(n.longValue()))) {
          return true;
        }
      } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
        for (String s : texts(e.getKey(), v)) {
          if (test.test(s)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Override
  public List<String> field(String name) {
    return switch (name) {
      case "id" -> List.of(node.id());
      case "type" -> List.of(node.type().wireName());
      case "name" -> node.name() == null ? List.of() : List.of(node.name());
      case "parent", "parent_id" -> node.parentId() == null ? List.of() : List.of(node.parentId());
      case "agent" -> agent();
      default -> metadataField(name);
    };
  }

  @Override
  public boolean anyField(String name, Predicate<String> test) {
    return switch (name) {
      case "id" -> test.test(node.id());
      case "type" -> test.test(node.type().wireName());
      case "name" -> node.name() != null && test.test(node.name());
      case "parent", "parent_id" -> node.parentId() != null && test.test(node.parentId());
      default -> {
        Object v = meta(name);
        yield v instanceof String s ? test.test(s) : Subject.super.anyField(name, test);
      }
    };
  }

  private List<String> metadataField(String name) {
    Object v = node.metadata().get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (v instanceof Number n) {
      return List.of(number(n));
    }
    return texts(name, v);
  }

  private List<String> agent() {
    Node n = node;
    for (int depth = 0; depth < 3 && n != null; depth++) {
      if (n.type() == NodeType.HOST) {
        return List.of(n.id());
      }
      n = n.parentId() == null ? null : topology.nodes().get(n.parentId());
    }
    return List.of();
  }

  @Override
  public double metric(String name) {
    return switch (name) {
      case "cpu" -> number("cpu_usage", 1);
      case "memory" ->
          switch (node.type()) {
            case HOST -> number("memory_used", MIB);
            case CONTAINER -> number("memory_usage", MIB);
            case PROCESS -> number("memory_mb", MIB);
          };
      default -> number(name, 1);
    };
  }

  private double number(String key, double scale) {
    return meta(key) instanceof Number n ? n.doubleValue() * scale : Double.NaN;
  }

  /**
   * One metadata value, remembering the last three asked for: the rules evaluated against one node
   * read few distinct fields (cpu above 80, above 90, memory, ...), each then looked up once. Plain
   * fields, not arrays, so that a view that does not escape costs no allocation.
   */
  private Object meta(String key) {
    if (key.equals(k0)) {
      return v0;
    }
    if (key.equals(k1)) {
      return v1;
    }
    if (key.equals(k2)) {
      return v2;
    }
    Object v = node.metadata().get(key);
    k2 = k1;
    v2 = v1;
    k1 = k0;
    v1 = v0;
    k0 = key;
    v0 = v;
    return v;
  }

  @Override
  public boolean hasLabel(String key, String value) {
    if (!(node.metadata().get("labels") instanceof Map<?, ?> labels)) {
      return false;
    }
    for (Map.Entry<?, ?> l : labels.entrySet()) {
      if (String.valueOf(l.getKey()).equalsIgnoreCase(key)
          && (value == null || String.valueOf(l.getValue()).equalsIgnoreCase(value))) {
        return true;
      }
    }
    return false;
  }

  /** Labels as {@code key=value}, listening ports as {@code proto/port}, other lists as text. */
  private static List<String> texts(String key, Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof Map<?, ?> map) {
      map.forEach((k, val) -> out.add(k + "=" + val));
    } else if (v instanceof List<?> list) {
      for (Object item : list) {
        if (key.equals("listening_ports") && item instanceof Map<?, ?> port) {
          out.add(port.get("protocol") + "/" + port.get("port"));
        } else {
          out.add(String.valueOf(item));
        }
      }
    }
    return out;
  }

  private static String number(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
