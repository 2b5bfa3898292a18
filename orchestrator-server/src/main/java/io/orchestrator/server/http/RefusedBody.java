package io.orchestrator.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Reads the rest of a body the server has refused, so the client gets the answer. Many clients send
 * the whole body before they read a response; if the server answers and closes while one is still
 * sending, its next write fails ("broken pipe") and it never sees the 413 or 400 at all. Reading to
 * the end also keeps the connection usable. Stateless and thread-safe.
 */
final class RefusedBody {
  static final long SECONDS = 5;

  private RefusedBody() {}

  /**
   * Discards what is left of {@code in}, giving up past {@code cap} bytes or {@value #SECONDS} s.
   *
   * @param declared the Content-Length, or -1 when the body is chunked
   * @return true when the body was read to its end; false when the connection must be closed
   */
  static boolean drain(InputStream in, long declared, long cap, LongSupplier nanoTime) {
    if (declared > cap) {
      return false; // no point reading what would be given up on anyway
    }
    long deadline = nanoTime.getAsLong() + SECONDS * 1_000_000_000L;
    byte[] buf = new byte[8192];
    long left = cap;
    try {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        left -= n;
        if (left < 0 || nanoTime.getAsLong() - deadline > 0) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
