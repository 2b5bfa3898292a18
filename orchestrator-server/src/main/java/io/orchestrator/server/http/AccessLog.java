package io.orchestrator.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.orchestrator.server.json.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log (DESIGN §8): one JSON object per line, written with Jackson's generator, to
 * standard output or a file. Query parameters that carry secrets ({@code access_token}, and any
 * named like a token, key, secret or password) are written as {@code ***}. Thread-safe.
 */
final class AccessLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
  private static final Pattern SECRET =
      Pattern.compile("(?i)((?:access_)?token|[a-z_]*key|secret|password)=[^&]*");

  private final OutputStream out;
  private final Clock clock;
  private final boolean closeable;
  private final AtomicLong failures = new AtomicLong();

  /**
   * One request.
   *
   * @param method HTTP method
   * @param path the path as requested
   * @param query the raw query, or null
   * @param status the status answered
   * @param bytes body bytes written
   * @param nanos time from the request to its response's end
   * @param remote the client's address
   * @param principal the key id or token subject, or null
   * @param agentId the agent acted for, or null
   * @param requestId the request id
   */
  record Line(
      String method,
      String path,
      String query,
      int status,
      long bytes,
      long nanos,
      String remote,
      String principal,
      String agentId,
      String requestId) {}

  private AccessLog(OutputStream out, Clock clock, boolean closeable) {
    this.out = out;
    this.clock = clock;
    this.closeable = closeable;
  }

  /**
   * The log {@code target} names: null for "off", standard output, or a file appended to.
   *
   * @throws IOException when the file cannot be opened
   */
  static AccessLog open(String target, Clock clock) throws IOException {
    String t = target.strip();
    if (t.equalsIgnoreCase("off")) {
      return null;
    }
    if (t.equalsIgnoreCase("stdout")) {
      return new AccessLog(new FileOutputStream(FileDescriptor.out), clock, false);
    }
    OutputStream file =
        Files.newOutputStream(
            Path.of(t),
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE);
    return new AccessLog(file, clock, true);
  }

  static String redact(String query) {
    return query == null ? null : SECRET.matcher(query).replaceAll("$1=***");
  }

  void write(Line l) {
    try {
      byte[] line = encode(l);
      synchronized (out) {
        out.write(line);
        out.flush();
      }
    } catch (IOException e) {
      long n = failures.incrementAndGet();
      if (Long.bitCount(n) == 1) {
        LOG.warn("Access log lines lost ({} so far): {}", n, e.toString());
      }
    }
  }

  private byte[] encode(Line l) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
    try (JsonGenerator g = WireJson.mapper().getFactory().createGenerator(buf)) {
      g.writeStartObject();
      g.writeStringField("ts", clock.instant().toString());
      g.writeStringField("method", l.method());
      g.writeStringField("path", l.path());
      g.writeStringField("query", redact(l.query()));
      g.writeNumberField("status", l.status());
      g.writeNumberField("bytes", l.bytes());
      g.writeNumberField("duration_ms", Math.round(l.nanos() / 1e3) / 1e3);
      g.writeStringField("remote", l.remote());
      g.writeStringField("principal", l.principal());
      g.writeStringField("agent_id", l.agentId());
      g.writeStringField("request_id", l.requestId());
      g.writeEndObject();
    }
    buf.write('\n');
    return buf.toByteArray();
  }

  @Override
  public void close() throws IOException {
    if (closeable) {
      out.close();
    } else {
      out.flush();
    }
  }
}
