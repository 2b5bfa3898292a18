package io.orchestrator.core.series;

/** The unsigned LEB128 integers of a {@link SeriesBlock} header. Stateless. */
final class Varints {
  private Varints() {}

  static int put(byte[] out, int at, long value) {
    while ((value & ~0x7FL) != 0) {
      out[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[at++] = (byte) value;
    return at;
  }

  static long read(byte[] in, int[] at) {
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
