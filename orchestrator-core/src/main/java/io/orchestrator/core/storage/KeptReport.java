package io.orchestrator.core.storage;

import io.orchestrator.core.ReceivedReport;
import io.orchestrator.core.report.ReportBody;
import io.orchestrator.core.report.ReportCodec;
import java.time.Instant;

/**
 * A report kept in history. With a codec and a wire form it is held as its compacted body (a 25 KB
 * probe report takes ~3 KB) and decoded when asked for; otherwise as the object it was. Immutable
 * and thread-safe.
 */
final class KeptReport {
  private final Instant receivedAt;
  private final ReceivedReport object;
  private final ReportBody body;

  private KeptReport(Instant receivedAt, ReceivedReport object, ReportBody body) {
    this.receivedAt = receivedAt;
    this.object = object;
    this.body = body;
  }

  static KeptReport of(ReceivedReport r, ReportCodec codec) {
    if (codec == null || r.body() == null) {
      return new KeptReport(r.receivedAt(), r, null);
    }
    return new KeptReport(r.receivedAt(), null, r.body().compact());
  }

  Instant receivedAt() {
    return receivedAt;
  }

  ReceivedReport get(ReportCodec codec) {
    return object != null ? object : new ReceivedReport(codec.decode(body), receivedAt, body);
  }
}
