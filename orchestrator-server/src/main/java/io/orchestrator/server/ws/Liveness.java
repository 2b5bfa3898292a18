package io.orchestrator.server.ws;

import java.util.function.LongSupplier;

/**
 * When a client last sent anything, judged by its connection's count of bytes received: a pong
 * answering the server's ping moves it as much as a message does, and Javalin 7 surfaces neither
 * pongs nor a hook to see them. Not thread-safe: one sweeping thread owns it.
 */
final class Liveness {
  private final LongSupplier bytesIn;
  private long lastBytesIn;
  private long lastHeardNanos;

  /**
   * Starts the silence at {@code nowNanos}.
   *
   * @param bytesIn the connection's running count of bytes received
   * @param nowNanos the current {@link System#nanoTime()}
   */
  Liveness(LongSupplier bytesIn, long nowNanos) {
    this.bytesIn = bytesIn;
    this.lastBytesIn = bytesIn.getAsLong();
    this.lastHeardNanos = nowNanos;
  }

  /**
   * How long, up to {@code nowNanos}, the client has sent nothing; 0 if bytes came since last
   * asked.
   */
  long silentNanos(long nowNanos) {
    long in = bytesIn.getAsLong();
    if (in != lastBytesIn) {
      lastBytesIn = in;
      lastHeardNanos = nowNanos;
    }
    return nowNanos - lastHeardNanos;
  }
}
