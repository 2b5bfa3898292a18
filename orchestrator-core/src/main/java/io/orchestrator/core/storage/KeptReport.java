package io.orchestrator.core.storage;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.report.ReportCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A report kept in history. With a codec and a wire form it is held as deflated bytes (a 25 KB
 * probe report takes ~4 KB) and decoded when asked for; otherwise as the object it was. Immutable
 * and thread-safe.
 */
final class KeptReport {
  private final Instant receivedAt;
  private final ReceivedReport object;
  private final byte[] deflated;

  private KeptReport(Instant receivedAt, ReceivedReport object, byte[] deflated) {
    this.receivedAt = receivedAt;
    this.object = object;
    this.deflated = deflated;
  }

  static KeptReport of(ReceivedReport r, ReportCodec codec) {
    if (codec == null || r.body() == null) {
      return new KeptReport(r.receivedAt(), r, null);
    }
    return new KeptReport(r.receivedAt(), null, deflate(r.body()));
  }

  Instant receivedAt() {
    return receivedAt;
  }

  ReceivedReport get(ReportCodec codec) {
    if (object != null) {
      return object;
    }
    ReportBody body = ReportBody.of(inflate(deflated));
    return new ReceivedReport(codec.decode(body), receivedAt, body);
  }

  static byte[] deflate(ReportBody body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() / 4 + 64);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (InputStream in = body.openStream();
        DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
      in.transferTo(z);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory streams do not fail
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  static byte[] inflate(byte[] deflated) {
    try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
