package io.orchestrator.core.series;

import java.util.Arrays;

/**
 * Appends buckets of one metric group to a {@link SeriesBlock}, in increasing order. Not
 * thread-safe.
 */
public final class SeriesBlockWriter {
  private final int width;
  private final BitOutput out = new BitOutput(16);
  private final long[] previous;
  private final int[] leading;
  private final int[] trailing;
  private int count;
  private long firstBucket;
  private long lastBucket;
  private long lastDelta = 1;

  SeriesBlockWriter(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("a block needs at least one column: " + width);
    }
    this.width = width;
    this.previous = new long[width];
    this.leading = new int[width];
    this.trailing = new int[width];
    Arrays.fill(leading, -1);
  }

  /**
   * Appends one bucket's values (the first {@code width} of {@code values}).
   *
   * @throws IllegalArgumentException when {@code bucket} is not after the last one
   */
  public void append(long bucket, double[] values) {
    if (count > 0 && bucket <= lastBucket) {
      throw new IllegalArgumentException(
          "buckets must increase: " + bucket + " after " + lastBucket);
    }
    writeBucket(bucket);
    for (int c = 0; c < width; c++) {
      writeValue(c, Double.doubleToRawLongBits(values[c]));
    }
    count++;
  }

  private void writeBucket(long bucket) {
    if (count == 0) {
      out.write(bucket, 64);
      firstBucket = bucket;
    } else {
      long delta = bucket - lastBucket;
      long dod = delta - lastDelta;
      if (dod == 0) {
        out.write(0, 1);
      } else if (dod >= -64 && dod <= 63) {
        out.write(0b10, 2);
        out.write(dod, 7);
      } else if (dod >= -256 && dod <= 255) {
        out.write(0b110, 3);
        out.write(dod, 9);
      } else if (dod >= -2048 && dod <= 2047) {
        out.write(0b1110, 4);
        out.write(dod, 12);
      } else {
        out.write(0b1111, 4);
        out.write(dod, 64);
      }
      lastDelta = delta;
    }
    lastBucket = bucket;
  }

  private void writeValue(int c, long bits) {
    if (count == 0) {
      out.write(bits, 64);
      previous[c] = bits;
      return;
    }
    long xor = bits ^ previous[c];
    previous[c] = bits;
    if (xor == 0) {
      out.write(0, 1);
      return;
    }
    int lead = Math.min(Long.numberOfLeadingZeros(xor), 31);
    int trail = Long.numberOfTrailingZeros(xor);
    if (leading[c] >= 0 && lead >= leading[c] && trail >= trailing[c]) {
      out.write(0b10, 2);
      out.write(xor >>> trailing[c], 64 - leading[c] - trailing[c]);
    } else {
      int length = 64 - lead - trail;
      out.write(0b11, 2);
      out.write(lead, 5);
      out.write(length - 1, 6);
      out.write(xor >>> trail, length);
      leading[c] = lead;
      trailing[c] = trail;
    }
  }

  /** Buckets appended. */
  public int count() {
    return count;
  }

  /** The first bucket; meaningless while empty. */
  public long firstBucket() {
    return firstBucket;
  }

  /** The last bucket; meaningless while empty. */
  public long lastBucket() {
    return lastBucket;
  }

  /** The columns per bucket. */
  public int width() {
    return width;
  }

  /** Bytes held by the writer, spare capacity included. */
  public long memoryBytes() {
    return 16L + out.capacity() + 24L * width + 64;
  }

  /** A reader of what has been appended so far (valid until the next append). */
  public SeriesBlockReader reader() {
    return new SeriesBlockReader(out.buffer(), 0, out.byteLength(), width, count);
  }

  /** The finished block. */
  public byte[] toBytes() {
    byte[] header = new byte[20];
    int n = Varints.put(header, 0, width);
    n = Varints.put(header, n, count);
    byte[] block = new byte[n + out.byteLength()];
    System.arraycopy(header, 0, block, 0, n);
    System.arraycopy(out.buffer(), 0, block, n, out.byteLength());
    return block;
  }
}
