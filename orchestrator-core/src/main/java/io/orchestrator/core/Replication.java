package io.orchestrator.core;

import io.orchestrator.core.agent.Agent;
import io.orchestrator.core.agent.AgentRegistry;
import io.orchestrator.core.alert.Alerting;
import io.orchestrator.core.cluster.ClusterBus;
import io.orchestrator.core.cluster.ClusterEvent;
import io.orchestrator.core.report.InvalidReportException;
import io.orchestrator.core.report.ReportCodec;
import io.orchestrator.core.storage.Storage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what other replicas tell this one: their reports, registrations, heartbeats and alert
 * changes, and a full catch-up from the storage when events may have been missed. Called on the
 * bus's delivery thread. Thread-safe.
 */
final class Replication implements ClusterBus.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(Replication.class);

  private final Ingest ingest;
  private final AgentRegistry registry;
  private final Storage storage;
  private final Alerting alerting;
  private final ReportCodec codec;
  private final ClusterLink link;
  private final AtomicLong undecodable = new AtomicLong();

  Replication(
      Ingest ingest,
      AgentRegistry registry,
      Storage storage,
      Alerting alerting,
      ReportCodec codec,
      ClusterLink link) {
    this.ingest = ingest;
    this.registry = registry;
    this.storage = storage;
    this.alerting = alerting;
    this.codec = codec;
    this.link = link;
  }

  @Override
  public void onEvent(ClusterEvent event) {
    if (event instanceof ClusterEvent.ReportAccepted r) {
      report(r);
    } else if (event instanceof ClusterEvent.AgentRegistered a) {
      ingest.replicateRegistration(a.agent());
    } else if (event instanceof ClusterEvent.Heartbeat h) {
      registry.seen(h.agentId(), h.at());
    } else if (event instanceof ClusterEvent.AlertChanged a) {
      alerting.follow(a.event());
    } else if (event instanceof ClusterEvent.Resync s) {
      LOG.info("Replica {} missed the bus for a while; reading the storage again", s.origin());
      catchUp();
    }
  }

  private void report(ClusterEvent.ReportAccepted r) {
    try {
      ingest.replicate(
          r.agent(), new ReceivedReport(codec.decode(r.body()), r.receivedAt(), r.body()));
    } catch (InvalidReportException e) {
      // Only a replica with another codec or version could send this; count, never stop the feed.
      long n = undecodable.incrementAndGet();
      if (Long.bitCount(n) == 1) {
        LOG.warn("{} reports from other replicas could not be read: {}", n, e.getMessage());
      }
    }
  }

  @Override
  public void onReconnected() {
    LOG.info("Cluster bus is back; reading the storage again and asking the others to");
    link.resync();
    catchUp();
  }

  /** Takes up every agent and every latest report in the storage newer than what is held here. */
  void catchUp() {
    int applied = 0;
    for (Agent a : storage.storedAgents()) {
      registry.merge(a);
    }
    for (Map.Entry<String, ReceivedReport> e : storage.storedLatest().entrySet()) {
      Agent agent = registry.get(e.getKey()).orElse(null);
      if (agent != null && ingest.replicate(agent, e.getValue())) {
        applied++;
      }
    }
    LOG.info("Caught up from the storage: {} newer reports", applied);
  }
}
