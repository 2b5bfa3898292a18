package io.orchestrator.core.alert;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus' label-set fingerprint: FNV-1a (64 bits) over the labels in name order, name and value
 * each followed by byte 255, printed as 16 hex digits. The same labels give the same fingerprint
 * here and in Alertmanager, so receivers can correlate. Stateless.
 */
final class Fingerprint {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  private static final int SEPARATOR = 0xff;

  private Fingerprint() {}

  static String of(Map<String, String> labels) {
    long h = OFFSET;
    for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
      h = add(h, e.getKey());
      h = (h ^ SEPARATOR) * PRIME;
      h = add(h, e.getValue());
      h = (h ^ SEPARATOR) * PRIME;
    }
    return String.format("%016x", h);
  }

  private static long add(long h, String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * PRIME;
    }
    return h;
  }
}
