package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.orchestrator.server.json.BadRequestException;
import io.orchestrator.server.json.WireJson;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import java.util.zip.ZipException;

/**
 * Reads a request body with a size limit and a minimum data rate: a declared length over the limit
 * is refused before reading, an undeclared one as soon as the limit is passed, so an oversized body
 * is never held in memory; a body that trickles in slower than {@value #MIN_BYTES_PER_SECOND}
 * bytes/s on average after a {@value #GRACE_SECONDS} s grace is cut off (408), so a slow client
 * cannot pin a server thread. A gzip body ({@code Content-Encoding: gzip}) is inflated under the
 * same limit, so a small bomb costs no more than a large body; other encodings and media types are
 * refused by {@link BodyEncoding} (415). Thread-safe (stateless).
 */
final class BodyReader {
  static final long MIN_BYTES_PER_SECOND = 1024;
  static final long GRACE_SECONDS = 10;

  /** Declared lengths up to this are read into one array allocated up front. */
  private static final int PREALLOCATE = 64 * 1024;

  private final long maxBytes;
  private final LongSupplier nanoTime;

  BodyReader(long maxBytes) {
    this(maxBytes, System::nanoTime);
  }

  BodyReader(long maxBytes, LongSupplier nanoTime) {
    this.maxBytes = maxBytes;
    this.nanoTime = nanoTime;
  }

  /** Reads and parses the JSON body of {@code ctx} as {@code type}. */
  <T> T read(Context ctx, Class<T> type) {
    return WireJson.read(bytes(ctx), type);
  }

  /** The body of {@code ctx} as it was meant (inflated when gzip-encoded). */
  byte[] bytes(Context ctx) {
    return slice(ctx, null).array(); // without a caller's buffer, read into one of its length
  }

  /**
   * The body of {@code ctx} as {@link #bytes(Context)} reads it, into {@code scratch} when it is
   * declared and fits (the caller's buffer, reused between requests), else into a new array.
   */
  Slice slice(Context ctx, byte[] scratch) {
    ServletInputStream in;
    try {
      in = ctx.req().getInputStream();
    } catch (IOException e) {
      throw BadRequestException.badRequest("could not read request body: " + e.getMessage());
    }
    long declared = ctx.req().getContentLengthLong();
    try {
      return slice(in, declared, BodyEncoding.check(ctx), scratch);
    } catch (BadRequestException e) {
      // A body too slow to finish is not waited for; one that cannot be read to its end leaves
      // bytes on the wire, and a pooling client must not reuse the connection.
      if (!in.isFinished()
          && (e.status() == 408 || !RefusedBody.drain(in, declared, 2 * maxBytes, nanoTime))) {
        ctx.header(Header.CONNECTION, "close");
      }
      throw e;
    }
  }

  /** Reads and parses {@code type} from {@code body}; {@code declared} is the length or -1. */
  <T> T read(InputStream body, long declared, Class<T> type) {
    return WireJson.read(bytes(body, declared, false), type);
  }

  /** Reads {@code body} whole; {@code declared} is the Content-Length or -1. */
  byte[] bytes(InputStream body, long declared, boolean gzip) {
    return slice(body, declared, gzip, null).array();
  }

  private Slice slice(InputStream body, long declared, boolean gzip, byte[] scratch) {
    if (declared > maxBytes) {
      throw tooLarge("");
    }
    if (declared == 0) {
      throw BadRequestException.badRequest("request body is empty");
    }
    try (InputStream raw = new Guarded(body)) {
      Slice read =
          gzip ? readAll(BodyEncoding.inflating(raw), -1, null) : readAll(raw, declared, scratch);
      if (read.length() == 0) {
        throw BadRequestException.badRequest("request body is empty");
      }
      return read;
    } catch (TooLarge e) {
      throw tooLarge(gzip ? " once gzip-decoded" : "");
    } catch (TooSlow e) {
      throw new BadRequestException(
          408, "request body arriving too slowly (under " + MIN_BYTES_PER_SECOND + " bytes/s)");
    } catch (ZipException e) {
      throw BadRequestException.badRequest("request body is not valid gzip: " + e.getMessage());
    } catch (IOException e) {
      throw BadRequestException.badRequest("could not read request body: " + e.getMessage());
    }
  }

  /** Everything {@code in} yields, refusing more than the limit (of decoded bytes too). */
  private Slice readAll(InputStream in, long declared, byte[] scratch) throws IOException {
    if (declared > 0) {
      // The common case (every probe sends a length under 64 KB): one array of that size, or the
      // caller's reused buffer; no copies. A larger claim is read in chunks (copied once at the
      // end), so that a client cannot make the server allocate the limit by declaring it and then
      // sending nothing.
      byte[] body;
      int n;
      boolean fits = scratch != null && declared <= scratch.length;
      if (fits || declared <= PREALLOCATE) {
        body = fits ? scratch : new byte[(int) declared];
        n = in.readNBytes(body, 0, (int) declared);
      } else {
        body = in.readNBytes((int) declared);
        n = body.length;
      }
      if (n < declared) {
        throw new EOFException("request body ended after " + n + " of " + declared);
      }
      return new Slice(body, n);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
    byte[] buf = new byte[16 * 1024];
    int n;
    while ((n = in.read(buf)) > 0) {
      if (out.size() + (long) n > maxBytes) {
        throw new TooLarge();
      }
      out.write(buf, 0, n);
    }
    byte[] all = out.toByteArray();
    return new Slice(all, all.length);
  }

  /** A body read: the first {@link #length} bytes of {@link #array}, maybe a caller's buffer. */
  static final class Slice {
    private final byte[] array;
    private final int length;

    Slice(byte[] array, int length) {
      this.array = array;
      this.length = length;
    }

    /** Holds the body from index 0; a caller's buffer is reused, so read before the next. */
    byte[] array() {
      return array;
    }

    int length() {
      return length;
    }
  }

  private BadRequestException tooLarge(String how) {
    return new BadRequestException(413, "request body larger than " + maxBytes + " bytes" + how);
  }

  /** The size limit was passed. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** The data rate fell below the minimum. */
  private static final class TooSlow extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private final class Guarded extends FilterInputStream {
    private final long start = nanoTime.getAsLong();
    private long read;

    Guarded(InputStream in) {
      super(in);
    }

    /** Leaves the request's stream open: a refused body is drained. */
    @Override
    public void close() {}

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > maxBytes) {
        throw new TooLarge();
      }
      long elapsedSeconds = (nanoTime.getAsLong() - start) / 1_000_000_000L;
      if (elapsedSeconds > GRACE_SECONDS && read < MIN_BYTES_PER_SECOND * elapsedSeconds) {
        throw new TooSlow();
      }
    }
  }
}
