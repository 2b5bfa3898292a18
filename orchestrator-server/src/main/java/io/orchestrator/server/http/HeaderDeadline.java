package io.orchestrator.server.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections that take too long to send a request's headers (slow-loris): Jetty's idle
 * timeout restarts with every byte, so a client trickling headers would hold its connection
 * forever. A sweep every second looks at each HTTP connection's parser; one that has been inside a
 * request's headers for longer than the deadline is closed, and so is any beyond {@code perAddress}
 * such connections from one address (the newest first). Idle keep-alive connections (no byte of a
 * next request yet) are left to the idle timeout. Jetty has no public hook for this, so it reads
 * its internal {@code HttpConnection}. Thread-safe.
 */
public final class HeaderDeadline implements Connection.Listener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

  private final long deadlineNanos;
  private final int perAddress;
  private final Map<HttpConnection, long[]> tracked = new ConcurrentHashMap<>();
  private final AtomicLong closed = new AtomicLong();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "orchestrator-header-deadline");
            t.setDaemon(true);
            return t;
          });

  /** Closes connections whose headers take longer than {@code deadline}. */
  public HeaderDeadline(Duration deadline, int perAddress) {
    this.deadlineNanos = deadline.toNanos();
    this.perAddress = perAddress;
    long period = Math.max(100, Math.min(1_000, deadline.toMillis() / 4));
    Future<?> unused =
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof HttpConnection http) {
      tracked.put(http, new long[] {0});
    }
  }

  @Override
  public void onClosed(Connection connection) {
    tracked.remove(connection);
  }

  /** Connections closed for slow headers since start. */
  public long closed() {
    return closed.get();
  }

  private void sweep() {
    try {
      long now = System.nanoTime();
      Map<String, List<Slow>> byAddress = new HashMap<>();
      tracked.forEach(
          (c, since) -> {
            HttpParser p = c.getParser();
            if (p.isStart() || !p.inHeaderState()) {
              since[0] = 0;
              return;
            }
            if (since[0] == 0) {
              since[0] = now;
            } else if (now - since[0] > deadlineNanos) {
              close(c, "headers not complete within the deadline");
              return;
            }
            byAddress
                .computeIfAbsent(address(c), k -> new ArrayList<>())
                .add(new Slow(c, since[0]));
          });
      byAddress.forEach(
          (address, slow) -> {
            if (slow.size() > perAddress) {
              slow.sort(Comparator.comparingLong(Slow::since));
              slow.subList(perAddress, slow.size())
                  .forEach(s -> close(s.connection(), "too many slow connections from " + address));
            }
          });
    } catch (RuntimeException e) {
      LOG.warn("Slow-header sweep failed; the next one runs as planned", e);
    }
  }

  private record Slow(HttpConnection connection, long since) {}

  private void close(HttpConnection c, String why) {
    tracked.remove(c);
    c.getEndPoint().close();
    long n = closed.incrementAndGet();
    if (Long.bitCount(n) == 1) {
      LOG.warn("Closed a connection: {} ({} so far)", why, n);
    }
  }

  private static String address(HttpConnection c) {
    SocketAddress remote = c.getEndPoint().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : String.valueOf(remote);
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
