package io.orchestrator.core.report;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw deflate (zlib's fastest level) with a few pooled streams: a zlib stream holds ~300 KB outside
 * the heap and costs more to set up than a 25 KB report takes to deflate (~28 µs), so streams are
 * reused, and at most {@link #POOLED} of each kind are kept. Thread-safe.
 */
final class Deflation {
  private static final int POOLED = 2 * Runtime.getRuntime().availableProcessors();
  private static final ArrayBlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(POOLED);
  private static final ArrayBlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(POOLED);

  private Deflation() {}

  /**
   * {@code length} bytes of {@code raw} from {@code offset} deflated, or null when that would not
   * save at least a quarter of them.
   */
  static byte[] deflate(byte[] raw, int offset, int length) {
    Deflater deflater = DEFLATERS.poll();
    if (deflater == null) {
      deflater = new Deflater(Deflater.BEST_SPEED, true);
    }
    try {
      deflater.setInput(raw, offset, length);
      deflater.finish();
      int limit = length - length / 4;
      byte[] out = new byte[Math.min(limit, length / 4 + 64)];
      int n = 0;
      while (!deflater.finished()) {
        if (n == out.length) {
          if (out.length == limit) {
            return null;
          }
          out = Arrays.copyOf(out, Math.min(limit, out.length * 2));
        }
        n += deflater.deflate(out, n, out.length - n);
      }
      return Arrays.copyOf(out, n);
    } finally {
      deflater.reset();
      if (!DEFLATERS.offer(deflater)) {
        deflater.end();
      }
    }
  }

  /** The {@code size} bytes that {@code deflated} holds. */
  static byte[] inflate(byte[] deflated, int size) {
    Inflater inflater = INFLATERS.poll();
    if (inflater == null) {
      inflater = new Inflater(true);
    }
    try {
      inflater.setInput(deflated);
      byte[] out = new byte[size];
      for (int n = 0; n < size; ) {
        int k = inflater.inflate(out, n, size - n);
        if (k == 0) {
          throw new IllegalStateException("a deflated report body ends early");
        }
        n += k;
      }
      return out;
    } catch (DataFormatException e) {
      throw new IllegalStateException("a deflated report body is corrupt", e);
    } finally {
      inflater.reset();
      if (!INFLATERS.offer(inflater)) {
        inflater.end();
      }
    }
  }
}
