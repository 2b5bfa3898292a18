package io.orchestrator.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;

/** Creates the fleet's stream, or brings an existing one to the configured limits. Stateless. */
final class Streams {
  /** JetStream's "stream not found" error code. */
  private static final int NOT_FOUND = 10059;

  private Streams() {}

  static void ensure(Connection c, NatsBusConfig config) throws IOException, JetStreamApiException {
    JetStreamManagement jsm = c.jetStreamManagement();
    StreamConfiguration sc =
        StreamConfiguration.builder()
            .name(config.stream())
            .subjects(config.subject())
            .storageType(StorageType.File)
            .maxAge(config.retention())
            .discardPolicy(DiscardPolicy.Old)
            .build();
    try {
      jsm.getStreamInfo(config.stream());
      jsm.updateStream(sc);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != NOT_FOUND) {
        throw e;
      }
      jsm.addStream(sc);
    }
  }
}
