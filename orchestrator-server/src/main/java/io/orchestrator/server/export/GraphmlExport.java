package io.orchestrator.server.export;

import io.orchestrator.core.topology.Edge;
import io.orchestrator.core.topology.EdgeType;
import io.orchestrator.core.topology.Node;
import io.orchestrator.core.topology.Topology;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A topology as GraphML, written with the JDK's StAX writer, that NetworkX, Gephi and yEd read:
 * node data {@code type}, {@code name}, {@code parent_id}; edge data {@code type}, {@code
 * protocol}, {@code connections}. An edge end that is no node (an address outside the fleet) is
 * declared as a node of type {@code external}, since GraphML wants every end declared. Stateless.
 */
public final class GraphmlExport {
  private static final String NS = "http://graphml.graphdrawing.org/xmlns";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private GraphmlExport() {}

  /** Writes {@code t} to {@code out} (UTF-8). */
  public static void write(Topology t, OutputStream out) throws IOException {
    try {
      XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("graphml");
      w.writeDefaultNamespace(NS);
      key(w, "n_type", "node", "type", "string");
      key(w, "n_name", "node", "name", "string");
      key(w, "n_parent", "node", "parent_id", "string");
      key(w, "e_type", "edge", "type", "string");
      key(w, "e_protocol", "edge", "protocol", "string");
      key(w, "e_connections", "edge", "connections", "int");
      w.writeStartElement("graph");
      w.writeAttribute("id", "topology");
      w.writeAttribute("edgedefault", "directed");
      for (Node n : t.nodes().values()) {
        node(w, n.id(), n.type().wireName(), n.name(), n.parentId());
      }
      Set<String> external = new LinkedHashSet<>();
      for (Edge e : t.edges().values()) {
        for (String end : new String[] {e.source(), e.target()}) {
          if (!t.nodes().containsKey(end)) {
            external.add(end);
          }
        }
      }
      for (String end : external) {
        node(w, end, "external", end, null);
      }
      for (Edge e : t.edges().values()) {
        w.writeStartElement("edge");
        w.writeAttribute("source", e.source());
        w.writeAttribute("target", e.target());
        data(w, "e_type", e.type().wireName());
        if (e.type() == EdgeType.NETWORK) {
          data(w, "e_protocol", e.protocol());
          data(w, "e_connections", Integer.toString(e.connections()));
        }
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException("GraphML not written: " + e.getMessage(), e);
    }
  }

  private static void key(XMLStreamWriter w, String id, String domain, String name, String type)
      throws XMLStreamException {
    w.writeEmptyElement("key");
    w.writeAttribute("id", id);
    w.writeAttribute("for", domain);
    w.writeAttribute("attr.name", name);
    w.writeAttribute("attr.type", type);
  }

  private static void node(XMLStreamWriter w, String id, String type, String name, String parent)
      throws XMLStreamException {
    w.writeStartElement("node");
    w.writeAttribute("id", id);
    data(w, "n_type", type);
    if (name != null) {
      data(w, "n_name", name);
    }
    if (parent != null) {
      data(w, "n_parent", parent);
    }
    w.writeEndElement();
  }

  private static void data(XMLStreamWriter w, String key, String value) throws XMLStreamException {
    if (value != null) {
      w.writeStartElement("data");
      w.writeAttribute("key", key);
      w.writeCharacters(value);
      w.writeEndElement();
    }
  }
}
