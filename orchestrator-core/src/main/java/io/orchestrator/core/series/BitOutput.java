package io.orchestrator.core.series;

import java.util.Arrays;

/** An append-only bit stream, most significant bit first. Not thread-safe. */
final class BitOutput {
  private byte[] buf;
  private long bits;

  BitOutput(int initialBytes) {
    buf = new byte[Math.max(1, initialBytes)];
  }

  /** Appends the low {@code n} bits of {@code value}, high bit first; {@code n} is 0..64. */
  void write(long value, int n) {
    while (n > 0) {
      int at = (int) (bits >>> 3);
      if (at == buf.length) {
        buf = Arrays.copyOf(buf, buf.length + Math.max(8, buf.length >> 1));
      }
      int free = 8 - (int) (bits & 7);
      int take = Math.min(free, n);
      int chunk = (int) ((value >>> (n - take)) & ((1 << take) - 1));
      buf[at] |= (byte) (chunk << (free - take));
      bits += take;
      n -= take;
    }
  }

  void writeBit(boolean one) {
    write(one ? 1 : 0, 1);
  }

  /** Bits written so far. */
  long bitLength() {
    return bits;
  }

  /** Bytes the stream occupies (the last one may be partly used). */
  int byteLength() {
    return (int) ((bits + 7) >>> 3);
  }

  /** The buffer backing the stream; valid up to {@link #byteLength()}. */
  byte[] buffer() {
    return buf;
  }

  /** Bytes held, including spare capacity. */
  int capacity() {
    return buf.length;
  }
}
