package io.orchestrator.core.series;

/** Reads a stream written by {@link BitOutput}. Not thread-safe. */
final class BitInput {
  private final byte[] buf;
  private final long limit;
  private long pos;

  /** Reads {@code buf} from byte {@code offset} up to byte {@code end}. */
  BitInput(byte[] buf, int offset, int end) {
    this.buf = buf;
    this.pos = (long) offset << 3;
    this.limit = (long) end << 3;
  }

  /** The next {@code n} bits (0..64) as an unsigned value. */
  long read(int n) {
    if (pos + n > limit) {
      throw new IllegalArgumentException("corrupt series block: read past its end");
    }
    long v = 0;
    while (n > 0) {
      int avail = 8 - (int) (pos & 7);
      int take = Math.min(avail, n);
      int b = buf[(int) (pos >>> 3)] & 0xFF;
      v = (v << take) | ((b >>> (avail - take)) & ((1 << take) - 1));
      pos += take;
      n -= take;
    }
    return v;
  }

  boolean readBit() {
    return read(1) == 1;
  }

  /** The next {@code n} bits as a two's-complement signed value. */
  long readSigned(int n) {
    long v = read(n);
    return n == 64 ? v : (v << (64 - n)) >> (64 - n);
  }
}
