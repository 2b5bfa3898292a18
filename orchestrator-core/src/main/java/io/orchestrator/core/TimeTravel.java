package io.orchestrator.core;

import io.orchestrator.core.storage.ReportStore;
import io.orchestrator.core.topology.Topology;
import io.orchestrator.core.topology.TopologyAggregator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds past topologies from history, keeping the last few: a dashboard scrubbing through time
 * asks for the same instants again. An instant at least a second old cannot gain reports, so its
 * topology is cached; a newer one is built each time. Thread-safe.
 */
final class TimeTravel {
  private static final int CACHED = 8;

  private final ReportStore reports;
  private final Map<Instant, Topology> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Instant, Topology> eldest) {
          return size() > CACHED;
        }
      };

  TimeTravel(ReportStore reports) {
    this.reports = reports;
  }

  Topology topologyAt(Instant at, Instant now) {
    synchronized (cache) {
      Topology cached = cache.get(at);
      if (cached != null) {
        return cached;
      }
    }
    TopologyAggregator past = new TopologyAggregator(Clock.fixed(at, ZoneOffset.UTC));
    reports.activeAt(at).values().forEach(r -> past.apply(r.report()));
    Topology built = past.snapshot();
    Topology t = new Topology(built.nodes(), built.edges(), at, 0);
    if (at.isBefore(now.minusSeconds(1))) {
      synchronized (cache) {
        cache.put(at, t);
      }
    }
    return t;
  }
}
