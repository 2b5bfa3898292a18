package io.orchestrator.core.series;

/** Iterates the buckets of a {@link SeriesBlock} in order. Not thread-safe. */
public final class SeriesBlockReader {
  private final BitInput in;
  private final int width;
  private final int count;
  private final long[] previous;
  private final int[] leading;
  private final int[] trailing;
  private final double[] values;
  private int read;
  private long bucket = Long.MIN_VALUE; // none read yet
  private long delta = 1;

  SeriesBlockReader(byte[] buf, int offset, int end, int width, int count) {
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
