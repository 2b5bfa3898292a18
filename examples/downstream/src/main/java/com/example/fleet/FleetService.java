package com.example.fleet;

import io.orchestrator.core.IngestResult;
import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.query.Query;
import io.orchestrator.core.query.TopologyQueries;
import io.orchestrator.core.report.Report;
import io.orchestrator.core.topology.Node;
import java.util.List;

/**
 * A service that embeds Orchestrator's core: it takes reports from its own source (a queue, a
 * file, another protocol) without HTTP and answers questions in Orchestrator's query language.
 * Thread-safe, as the engine is.
 */
public final class FleetService implements AutoCloseable {
  private final Orchestrator engine = Orchestrator.builder().build();
  private final TopologyQueries queries = new TopologyQueries();

  /** Takes one host's report. */
  public IngestResult accept(Report report) {
    return engine.ingest(report);
  }

  /** Ids of the nodes that match a query such as {@code type:host cpu > 50}. */
  public List<String> find(String query, int limit) {
    return queries.search(engine.topology(), Query.parse(query), limit).nodes().stream()
        .map(Node::id)
        .toList();
  }

  @Override
  public void close() {
    engine.close();
  }
}
