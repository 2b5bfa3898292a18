package io.orchestrator.nats;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NATS client's errors through slf4j, counted: the first and then every power of two is logged,
 * so an outage does not flood the log. Thread-safe.
 */
final class QuietErrors implements ErrorListener {
  private static final Logger LOG = LoggerFactory.getLogger(NatsClusterBus.class);
  private final AtomicLong errors = new AtomicLong();

  @Override
  public void errorOccurred(Connection conn, String error) {
    log(error);
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    log(exp.toString());
  }

  private void log(String what) {
    long n = errors.incrementAndGet();
    if (Long.bitCount(n) == 1) {
      LOG.warn("NATS client error ({} so far): {}", n, what);
    }
  }
}
