package io.orchestrator.server.json;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * RFC 3339 timestamps as probes write them ({@code 2026-12-02T18:44:49.601552020Z}, {@code
 * …-07:00}), read without the formatter's field maps: a report carries five, and {@link
 * DateTimeFormatter#ISO_OFFSET_DATE_TIME} made them a few percent of the report path. Any other
 * form (no seconds, lower-case letters, out-of-range fields) goes to that formatter, so the result
 * or the refusal is always the formatter's. Stateless and thread-safe.
 */
final class Rfc3339 {
  private Rfc3339() {}

  /**
   * Parses {@code s} as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does.
   *
   * @throws java.time.format.DateTimeParseException when the formatter refuses it
   */
  static OffsetDateTime parse(String s) {
    OffsetDateTime fast = common(s);
    return fast != null ? fast : OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}, or null for anything else. */
  private static OffsetDateTime common(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i++) - '0');
      }
      if (i == start) {
        return null;
      }
      for (int k = i - start; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = offset(s, i);
    if ((year | month | day | hour | minute | second) < 0 || offset == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException e) {
      return null; // the formatter gives the refusal its own words
    }
  }

  private static ZoneOffset offset(String s, int i) {
    int left = s.length() - i;
    if (left == 1 && s.charAt(i) == 'Z') {
      return ZoneOffset.UTC;
    }
    char sign = left == 6 ? s.charAt(i) : 0;
    if ((sign != '+' && sign != '-') || s.charAt(i + 3) != ':') {
      return null;
    }
    int hours = digits(s, i + 1, 2);
    int minutes = digits(s, i + 4, 2);
    if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    int seconds = hours * 3600 + minutes * 60;
    try {
      return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The non-negative number in {@code len} digits at {@code at}, or -1. */
  private static int digits(String s, int at, int len) {
    int v = 0;
    for (int i = at; i < at + len; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
