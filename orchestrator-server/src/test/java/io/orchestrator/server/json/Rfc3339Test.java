package io.orchestrator.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path against the formatter it stands in for: the same value, or both refuse. */
class Rfc3339Test {
  private static final String ALPHABET = "0123456789-+:.TZtz ";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-02T18:44:49.601552020Z",
        "2026-12-02T18:44:49Z",
        "2025-10-14T22:44:38.001234567-07:00",
        "2025-10-14T22:44:38.5+05:30",
        "2025-10-14T22:44:38-00:00",
        "0001-01-01T00:00:00Z",
        "2024-02-29T23:59:59.999999999+18:00",
        "2023-02-29T10:00:00Z",
        "2025-10-14T24:00:00Z",
        "2025-10-14T23:59:60Z",
        "2025-13-01T00:00:00Z",
        "2025-10-14T22:44:38.1234567890Z",
        "2025-10-14T22:44:38.Z",
        "2025-10-14T22:44:38+18:01",
        "2025-10-14T22:44:38+0700",
        "2025-10-14T22:44:38+07",
        "2025-10-14T22:44:38+07:00:30",
        "2025-10-14t22:44:38z",
        "2025-10-14T22:44Z",
        "+12025-10-14T22:44:38Z",
        "2025-10-14T22:44:38",
        "2025-1x-14T22:44:38Z",
        "",
      })
  void readsAsTheFormatterDoes(String text) {
    assertSame(text);
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 20261206L})
  void randomTimestampsAndMangledOnesReadAsTheFormatterDoes(long seed) {
    Random rnd = new Random(seed);
    int read = 0;
    for (int i = 0; i < 5_000; i++) {
      String text = timestamp(rnd);
      if (rnd.nextInt(3) == 0) {
        StringBuilder sb = new StringBuilder(text);
        int at = rnd.nextInt(sb.length());
        sb.setCharAt(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        text = sb.toString();
      }
      read += assertSame(text) ? 1 : 0;
    }
    assertThat(read).isBetween(3_000, 4_999);
  }

  private static String timestamp(Random rnd) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%04d-%02d-%02dT%02d:%02d:%02d",
            rnd.nextInt(10_000),
            1 + rnd.nextInt(12),
            1 + rnd.nextInt(28),
            rnd.nextInt(24),
            rnd.nextInt(60),
            rnd.nextInt(60)));
    int digits = rnd.nextInt(10);
    if (digits > 0) {
      sb.append('.');
      for (int d = 0; d < digits; d++) {
        sb.append((char) ('0' + rnd.nextInt(10)));
      }
    }
    if (rnd.nextBoolean()) {
      sb.append('Z');
    } else {
      sb.append(rnd.nextBoolean() ? '+' : '-');
      sb.append(String.format("%02d:%02d", rnd.nextInt(19), rnd.nextInt(4) * 15));
    }
    return sb.toString();
  }

  /** True when both read {@code text} (to equal values), false when both refuse it. */
  private static boolean assertSame(String text) {
    OffsetDateTime expected;
    try {
      expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      try {
        OffsetDateTime got = Rfc3339.parse(text);
        throw new AssertionError("read " + text + " as " + got + "; the formatter refused it");
      } catch (DateTimeParseException expectedRefusal) {
        return false;
      }
    }
    assertThat(Rfc3339.parse(text)).as(text).isEqualTo(expected);
    return true;
  }
}
