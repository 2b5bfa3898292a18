package io.orchestrator.core.series;

/**
 * The compressed form of a run of buckets of one metric group (several columns that share
 * timestamps), in the manner of Facebook's Gorilla: bucket numbers as delta-of-delta (one bit per
 * bucket while a probe reports every 15 s), each value XOR-ed with the column's previous one (one
 * bit while it repeats, a few bits while it drifts). Values round-trip bit for bit, NaN payloads,
 * -0 and infinities included.
 *
 * <p>Layout: varint column count, varint bucket count, then the bit stream. Memory and every
 * durable backend use the same layout, so a block moves between them as bytes.
 *
 * <p>A {@link SeriesBlockWriter} is not thread-safe; the bytes of a finished block are immutable by
 * convention and may be read from any thread.
 */
public final class SeriesBlock {
  private SeriesBlock() {}

  /** A writer of {@code width} columns. */
  public static SeriesBlockWriter writer(int width) {
    return new SeriesBlockWriter(width);
  }

  /**
   * Reads a finished block.
   *
   * @throws IllegalArgumentException when the bytes are not a block
   */
  public static SeriesBlockReader read(byte[] block) {
    int[] at = {0};
    int width = (int) Varints.read(block, at);
    int count = (int) Varints.read(block, at);
    return new SeriesBlockReader(block, at[0], block.length, width, count);
  }
}
