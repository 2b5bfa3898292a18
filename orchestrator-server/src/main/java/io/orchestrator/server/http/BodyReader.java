package io.orchestrator.server.http;

import io.javalin.http.Context;
import io.orchestrator.server.json.BadRequestException;
import io.orchestrator.server.json.WireJson;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON request body with a size limit, streaming: a declared length over the limit is
 * refused before reading, an undeclared one as soon as the limit is passed, so an oversized body is
 * never held in memory. Thread-safe (stateless).
 */
final class BodyReader {
  private final long maxBytes;

  BodyReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  <T> T read(Context ctx, Class<T> type) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    if (declared == 0) {
      throw BadRequestException.badRequest("request body is empty");
    }
    try (InputStream in = new Limited(ctx.req().getInputStream(), maxBytes)) {
      return WireJson.read(in, type);
    } catch (TooLarge e) {
      throw tooLarge();
    } catch (IOException e) {
      throw BadRequestException.badRequest("could not read request body: " + e.getMessage());
    }
  }

  private BadRequestException tooLarge() {
    return new BadRequestException(413, "request body larger than " + maxBytes + " bytes");
  }

  /** Signals the limit was passed; an IOException so it travels through Jackson unchanged. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static final class Limited extends FilterInputStream {
    private long remaining;

    Limited(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --remaining < 0) {
        throw new TooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        remaining -= n;
        if (remaining < 0) {
          throw new TooLarge();
        }
      }
      return n;
    }
  }
}
