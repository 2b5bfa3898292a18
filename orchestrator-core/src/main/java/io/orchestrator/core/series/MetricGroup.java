package io.orchestrator.core.series;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The series of one entity (the host's CPU, a container, a process): one primitive column per
 * metric plus one sample counter per bucket, in ring buffers indexed by {@code bucket & mask}. The
 * ring grows by doubling up to {@code maxCapacity}, which covers the retention window, so a
 * short-lived process costs a few slots, not a full hour.
 *
 * <p>Invariant: slots outside {@code [lo, hi]} have a zero counter. Not thread-safe; the owning
 * {@link AgentSeries} guards it.
 */
final class MetricGroup {
  private static final int INITIAL_CAPACITY = 8;
  private static final int MAX_COUNT = 255;

  private final Schema schema;
  private final String entity;
  private final int maxCapacity;
  private double[][] columns;
  private byte[] counts;
  private long lo;
  private long hi;
  private boolean empty = true;
  private int occupied;

  MetricGroup(Schema schema, String entity, int maxCapacity) {
    this.schema = schema;
    this.entity = entity;
    this.maxCapacity = maxCapacity;
    int initial = Math.min(INITIAL_CAPACITY, maxCapacity);
    this.columns = new double[schema.width()][initial];
    this.counts = new byte[initial];
  }

  Schema schema() {
    return schema;
  }

  /** Bucket of the newest sample; meaningless when empty. */
  long newestBucket() {
    return hi;
  }

  boolean isEmpty() {
    return empty;
  }

  /** Stored points: occupied buckets times metrics. */
  long points() {
    return (long) occupied * schema.width();
  }

  /**
   * Adds one sample of every metric; several samples in one bucket are averaged.
   *
   * @return false when the sample is older than the window and was dropped
   */
  boolean add(long bucket, double[] values, long cutoff) {
    if (bucket < cutoff) {
      return false;
    }
    if (empty) {
      lo = bucket;
      hi = bucket;
      empty = false;
    } else if (bucket > hi) {
      dropBefore(Math.max(lo, bucket - maxCapacity + 1));
      if (empty) {
        lo = bucket;
        empty = false;
      } else {
        ensureCapacity(bucket - lo + 1);
      }
      hi = bucket;
    } else if (bucket < lo) {
      if (hi - bucket + 1 > maxCapacity) {
        return false;
      }
      ensureCapacity(hi - bucket + 1);
      lo = bucket;
    }
    merge(slot(bucket), values);
    return true;
  }

  private void merge(int i, double[] values) {
    int n = counts[i] & 0xFF;
    if (n == 0) {
      occupied++;
      for (int f = 0; f < columns.length; f++) {
        columns[f][i] = values[f];
      }
      counts[i] = 1;
      return;
    }
    int m = Math.min(n + 1, MAX_COUNT);
    for (int f = 0; f < columns.length; f++) {
      columns[f][i] += (values[f] - columns[f][i]) / m;
    }
    counts[i] = (byte) m;
  }

  /**
   * Drops every bucket older than {@code cutoff}.
   *
   * @return true when nothing is left
   */
  boolean trim(long cutoff) {
    if (!empty && lo < cutoff) {
      dropBefore(cutoff);
    }
    return empty;
  }

  private void dropBefore(long newLo) {
    long end = Math.min(newLo - 1, hi);
    for (long b = lo; b <= end; b++) {
      int i = slot(b);
      if (counts[i] != 0) {
        counts[i] = 0;
        occupied--;
      }
    }
    if (newLo > hi) {
      empty = true;
    } else {
      lo = newLo;
    }
  }

  /** Grows the ring to hold {@code span} buckets; copies {@code [lo, hi]} as they are now. */
  private void ensureCapacity(long span) {
    int cap = counts.length;
    if (span <= cap) {
      return;
    }
    int newCap = cap;
    while (newCap < span) {
      newCap <<= 1;
    }
    double[][] newColumns = new double[columns.length][newCap];
    byte[] newCounts = new byte[newCap];
    for (long b = lo; b <= hi; b++) {
      int from = (int) (b & (cap - 1));
      int to = (int) (b & (newCap - 1));
      newCounts[to] = counts[from];
      for (int f = 0; f < columns.length; f++) {
        newColumns[f][to] = columns[f][from];
      }
    }
    columns = newColumns;
    counts = newCounts;
  }

  private int slot(long bucket) {
    return (int) (bucket & (counts.length - 1));
  }

  /** Adds every selected metric's value at buckets {@code >= from} to {@code out}. */
  void collect(long from, Predicate<String> select, SortedMap<Long, Map<String, Double>> out) {
    if (empty || hi < from) {
      return;
    }
    String[] names = new String[columns.length];
    boolean any = false;
    for (int f = 0; f < names.length; f++) {
      String name = schema.metricName(entity, f);
      if (select.test(name)) {
        names[f] = name;
        any = true;
      }
    }
    if (!any) {
      return;
    }
    for (long b = Math.max(lo, from); b <= hi; b++) {
      int i = slot(b);
      if (counts[i] == 0) {
        continue;
      }
      Map<String, Double> metrics = out.computeIfAbsent(b, k -> new TreeMap<>());
      for (int f = 0; f < names.length; f++) {
        if (names[f] != null) {
          metrics.put(names[f], columns[f][i]);
        }
      }
    }
  }

  /** Estimated heap footprint: arrays, headers and the entity name. */
  long memoryBytes() {
    long cap = counts.length;
    long arrays = columns.length * (16 + 8 * cap) + 16 + 8L * columns.length + 16 + cap;
    long name = entity == null ? 0 : 40 + entity.length();
    return 48 + arrays + name;
  }

  @Override
  public String toString() {
    return schema
        + (entity == null ? "" : "[" + entity + "]")
        + Arrays.toString(new long[] {lo, hi});
  }
}
