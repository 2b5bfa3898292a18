package io.orchestrator.nats;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the bus connects and how long the stream keeps events. Immutable and thread-safe.
 *
 * @param servers NATS server URLs ({@code nats://host:port})
 * @param stream the JetStream stream's name (one per fleet)
 * @param retention how long the stream keeps events (a replica that starts replays the last {@link
 *     #replay} of them; one that was cut off longer reads the storage instead)
 * @param replay how far back a starting replica reads, to cover the time it spent loading the
 *     storage
 */
public record NatsBusConfig(
    List<String> servers, String stream, Duration retention, Duration replay) {
  /** Validates and copies. */
  public NatsBusConfig {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("at least one NATS server is needed");
    }
    for (String s : servers) {
      if (!s.startsWith("nats://") && !s.startsWith("tls://")) {
        throw new IllegalArgumentException("not a NATS URL (nats://host:port): " + s);
      }
    }
    Objects.requireNonNull(stream, "stream");
    if (!stream.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "stream name may hold letters, digits, _ and -: " + stream);
    }
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(replay, "replay");
  }

  /** {@code servers} with the defaults: stream ORCHESTRATOR, kept 10 minutes, 1 minute replay. */
  public static NatsBusConfig of(List<String> servers) {
    return new NatsBusConfig(
        servers, "ORCHESTRATOR", Duration.ofMinutes(10), Duration.ofMinutes(1));
  }

  /** The server URLs with any user and password replaced by {@code ***}, for logs and errors. */
  public List<String> maskedServers() {
    return servers.stream().map(NatsBusConfig::mask).toList();
  }

  /** {@code url} without its credentials ({@code nats://***@host:port}). */
  public static String mask(String url) {
    return url.replaceFirst("^([a-z]+://)[^@/]*@", "$1***@");
  }

  @Override
  public String toString() {
    return "NatsBusConfig[servers=" + maskedServers() + ", stream=" + stream + "]";
  }

  /** The subject events are published on. */
  String subject() {
    return "orchestrator." + stream + ".events";
  }
}
