package io.orchestrator.server.http;

import io.orchestrator.server.metrics.ServerMetrics;
import io.orchestrator.server.security.Principal;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of everything Jetty serves, routes, errors and WebSocket upgrades alike: gives each
 * request an {@code X-Request-Id} (the client's when it sent a sane one), and once the response is
 * complete, writes its access-log line and observes its duration by route template. Thread-safe.
 */
final class RequestObserver extends Handler.Wrapper {
  /** Request attribute: the request id. */
  static final String REQUEST_ID = "orchestrator.request-id";

  /** Request attribute: the agent a request acted for, when the route knows one. */
  static final String AGENT = "orchestrator.agent";

  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final AccessLog log;
  private final ServerMetrics metrics;

  RequestObserver(AccessLog log, ServerMetrics metrics) {
    this.log = log;
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String sent = request.getHeaders().get("X-Request-Id");
    String id = sent != null && SANE_ID.matcher(sent).matches() ? sent : newId();
    response.getHeaders().put("X-Request-Id", id);
    request.setAttribute(REQUEST_ID, id);
    long start = System.nanoTime();
    return super.handle(
        request, response, Callback.from(() -> completed(request, response, id, start), callback));
  }

  private void completed(Request request, Response response, String id, long start) {
    long nanos = System.nanoTime() - start;
    Object route = request.getAttribute(Guard.ROUTE);
    String template = route instanceof String r ? r : "unmatched";
    int status = response.getStatus();
    metrics.httpRequest(request.getMethod(), template, status, nanos);
    if (log != null) {
      Object principal = request.getAttribute(Guard.PRINCIPAL);
      Object agent = request.getAttribute(AGENT);
      log.write(
          new AccessLog.Line(
              request.getMethod(),
              request.getHttpURI().getPath(),
              request.getHttpURI().getQuery(),
              status,
              Response.getContentBytesWritten(response),
              nanos,
              Request.getRemoteAddr(request),
              principal instanceof Principal p ? p.name() : null,
              agent instanceof String a ? a : null,
              id));
    }
  }

  /**
   * A random version-4 UUID from {@link ThreadLocalRandom}: a request id needs to be unique, not
   * unguessable, and {@link UUID#randomUUID()} takes a lock on the shared SecureRandom per request.
   */
  private static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }
}
