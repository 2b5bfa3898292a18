package io.orchestrator.loadgen;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The outcome of a load run. Immutable and thread-safe.
 *
 * @param seconds how long it ran
 * @param sent reports sent
 * @param accepted reports answered 200/202
 * @param failed reports answered otherwise or not at all
 * @param latencyMicros request latency, in microseconds
 * @param wsClients WebSocket clients that connected
 * @param wsFrames frames they received in total
 * @param lagMicros report_update lag, in microseconds
 */
record LoadSummary(
    double seconds,
    long sent,
    long accepted,
    long failed,
    Histogram latencyMicros,
    int wsClients,
    long wsFrames,
    Histogram lagMicros) {

  String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%nSummary after %.1f s%n", seconds));
    sb.append(
        String.format(
            Locale.ROOT,
            "  reports   sent %d, accepted %d, failed %d (%.1f/s)%n",
            sent,
            accepted,
            failed,
            sent / Math.max(seconds, 1e-9)));
    sb.append(
        String.format(
            Locale.ROOT,
            "  latency   p50 %s, p95 %s, p99 %s, max %s%n",
            ms(latencyMicros, 50),
            ms(latencyMicros, 95),
            ms(latencyMicros, 99),
            ms(latencyMicros, 100)));
    sb.append(
        String.format(
            Locale.ROOT, "  websocket %d clients, %d frames received%n", wsClients, wsFrames));
    if (lagMicros.getTotalCount() > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  ws lag    p50 %s, p99 %s (report_update, probe send to client receipt)%n",
              ms(lagMicros, 50),
              ms(lagMicros, 99)));
    }
    return sb.toString();
  }

  private static String ms(Histogram h, double percentile) {
    if (h.getTotalCount() == 0) {
      return "-";
    }
    long v = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
    return String.format(Locale.ROOT, "%.2f ms", v / 1000.0);
  }
}
