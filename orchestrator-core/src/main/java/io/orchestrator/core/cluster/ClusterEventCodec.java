package io.orchestrator.core.cluster;

/**
 * Turns {@link ClusterEvent}s into bytes for a network bus and back. Core has no JSON library; the
 * server supplies its wire mapping. Implementations are thread-safe.
 */
public interface ClusterEventCodec {
  /** The event's bytes. */
  byte[] encode(ClusterEvent event);

  /**
   * The event in {@code bytes}.
   *
   * @throws IllegalArgumentException when they are not an event this codec wrote
   */
  ClusterEvent decode(byte[] bytes);
}
