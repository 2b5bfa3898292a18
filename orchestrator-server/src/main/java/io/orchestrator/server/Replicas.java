package io.orchestrator.server;

import io.orchestrator.core.OrchestratorBuilder;
import io.orchestrator.core.cluster.Membership;
import io.orchestrator.nats.NatsBusConfig;
import io.orchestrator.nats.NatsClusterBus;
import io.orchestrator.postgres.PostgresMembership;
import io.orchestrator.server.json.ClusterJson;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

/**
 * Makes the engine a replica when {@code -cluster} is given: the NATS bus, and membership with the
 * duty lease in the shared PostgreSQL; otherwise names the lone replica. Stateless.
 */
final class Replicas {
  private Replicas() {}

  static OrchestratorBuilder join(ServerConfig config, OrchestratorBuilder b) {
    String address = hostName() + ":" + config.port();
    String nodeId = config.cluster().nodeId(hostName(), config.port());
    if (!config.cluster().clustered()) {
      return b.membership(Membership.solo(nodeId, address, Clock.systemUTC()));
    }
    NatsClusterBus bus =
        NatsClusterBus.connect(NatsBusConfig.of(config.cluster().nats()), ClusterJson.INSTANCE);
    try {
      return b.cluster(bus, PostgresMembership.join(config.storage().postgres(), nodeId, address));
    } catch (RuntimeException e) {
      bus.close();
      throw e;
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
