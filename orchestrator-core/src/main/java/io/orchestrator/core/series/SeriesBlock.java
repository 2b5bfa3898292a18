package io.orchestrator.core.series;

import java.util.Arrays;

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
 * <p>A {@link Writer} is not thread-safe; the bytes of a finished block are immutable by convention
 * and may be read from any thread.
 */
public final class SeriesBlock {
  private static final long NO_PREVIOUS = Long.MIN_VALUE;

  private SeriesBlock() {}

  /** A writer of {@code width} columns. */
  public static Writer writer(int width) {
    return new Writer(width);
  }

  /**
   * Reads a finished block.
   *
   * @throws IllegalArgumentException when the bytes are not a block
   */
  public static Reader read(byte[] block) {
    int[] at = {0};
    int width = (int) varint(block, at);
    int count = (int) varint(block, at);
    return new Reader(block, at[0], block.length, width, count);
  }

  /** Appends buckets in increasing order. Not thread-safe. */
  public static final class Writer {
    private final int width;
    private final BitOutput out = new BitOutput(16);
    private final long[] previous;
    private final int[] leading;
    private final int[] trailing;
    private int count;
    private long firstBucket;
    private long lastBucket;
    private long lastDelta = 1;

    Writer(int width) {
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
    public Reader reader() {
      return new Reader(out.buffer(), 0, out.byteLength(), width, count);
    }

    /** The finished block. */
    public byte[] toBytes() {
      byte[] header = new byte[20];
      int n = putVarint(header, 0, width);
      n = putVarint(header, n, count);
      byte[] block = new byte[n + out.byteLength()];
      System.arraycopy(header, 0, block, 0, n);
      System.arraycopy(out.buffer(), 0, block, n, out.byteLength());
      return block;
    }
  }

  /** Iterates a block's buckets in order. Not thread-safe. */
  public static final class Reader {
    private final BitInput in;
    private final int width;
    private final int count;
    private final long[] previous;
    private final int[] leading;
    private final int[] trailing;
    private final double[] values;
    private int read;
    private long bucket = NO_PREVIOUS;
    private long delta = 1;

    Reader(byte[] buf, int offset, int end, int width, int count) {
      if (width < 1 || count < 0) {
        throw new IllegalArgumentException("corrupt series block header");
      }
      this.in = new BitInput(buf, offset, end);
      this.width = width;
      this.count = count;
      this.previous = new long[width];
      this.leading = new int[width];
      this.trailing = new int[width];
      this.values = new double[width];
    }

    /** Buckets in the block. */
    public int count() {
      return count;
    }

    /** Columns per bucket. */
    public int width() {
      return width;
    }

    /** Moves to the next bucket; false at the end. */
    public boolean next() {
      if (read == count) {
        return false;
      }
      readBucket();
      for (int c = 0; c < width; c++) {
        readValue(c);
        values[c] = Double.longBitsToDouble(previous[c]);
      }
      read++;
      return true;
    }

    /** The current bucket. */
    public long bucket() {
      return bucket;
    }

    /** The current bucket's value of column {@code c}. */
    public double value(int c) {
      return values[c];
    }

    private void readBucket() {
      if (read == 0) {
        bucket = in.read(64);
        return;
      }
      long dod;
      if (!in.readBit()) {
        dod = 0;
      } else if (!in.readBit()) {
        dod = in.readSigned(7);
      } else if (!in.readBit()) {
        dod = in.readSigned(9);
      } else if (!in.readBit()) {
        dod = in.readSigned(12);
      } else {
        dod = in.read(64);
      }
      delta += dod;
      bucket += delta;
    }

    private void readValue(int c) {
      if (read == 0) {
        previous[c] = in.read(64);
        return;
      }
      if (!in.readBit()) {
        return;
      }
      if (!in.readBit()) {
        if (leading[c] < 0) {
          throw new IllegalArgumentException("corrupt series block: no window to reuse");
        }
        int length = 64 - leading[c] - trailing[c];
        previous[c] ^= in.read(length) << trailing[c];
      } else {
        leading[c] = (int) in.read(5);
        int length = (int) in.read(6) + 1;
        trailing[c] = 64 - leading[c] - length;
        if (trailing[c] < 0) {
          throw new IllegalArgumentException("corrupt series block: bad window");
        }
        previous[c] ^= in.read(length) << trailing[c];
      }
    }
  }

  private static int putVarint(byte[] out, int at, long value) {
    while ((value & ~0x7FL) != 0) {
      out[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[at++] = (byte) value;
    return at;
  }

  private static long varint(byte[] in, int[] at) {
    long v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (at[0] >= in.length) {
        break;
      }
      byte b = in[at[0]++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("corrupt series block header");
  }
}
