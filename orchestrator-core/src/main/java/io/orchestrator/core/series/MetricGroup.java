package io.orchestrator.core.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The series of one entity (the host's CPU, a container, a process). Only the newest bucket is kept
 * as plain numbers, since samples in it are still being averaged; every older bucket is appended to
 * a {@link SeriesBlock} stream as soon as a newer one starts, and a stream of {@code blockBuckets}
 * buckets is sealed into an immutable block. Each bucket carries its sample count as an extra
 * column (one bit while it is 1), so a late sample for an old bucket still averages correctly.
 *
 * <p>Retention drops whole blocks once their newest bucket has expired: memory holds the window
 * plus at most one block. Not thread-safe; the owning {@link AgentSeries} guards it.
 */
final class MetricGroup {
  private static final int MAX_COUNT = 255;
  private static final long NONE = Long.MIN_VALUE;

  private final MetricFamily family;
  private final String entity;
  private final int blockBuckets;
  private final int width;
  private final List<Sealed> sealed = new ArrayList<>(2);
  private final double[] current;
  private final double[] row;
  private SeriesBlockWriter open;
  private long currentBucket = NONE;
  private int currentCount;
  private long buckets;

  /** A sealed block and the bucket range it covers. */
  private static final class Sealed {
    private final long last;
    private final int count;
    private final byte[] bytes;

    Sealed(long last, int count, byte[] bytes) {
      this.last = last;
      this.count = count;
      this.bytes = bytes;
    }

    long last() {
      return last;
    }

    int count() {
      return count;
    }

    byte[] bytes() {
      return bytes;
    }
  }

  MetricGroup(MetricFamily family, String entity, int blockBuckets) {
    this.family = family;
    this.entity = entity;
    this.blockBuckets = blockBuckets;
    this.width = family.width();
    this.current = new double[width];
    this.row = new double[width + 1];
  }

  MetricFamily family() {
    return family;
  }

  /** Bucket of the newest sample; meaningless when empty. */
  long newestBucket() {
    return currentBucket;
  }

  boolean isEmpty() {
    return currentBucket == NONE;
  }

  /** Stored points: buckets held times metrics. */
  long points() {
    return buckets * width;
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
    if (currentBucket == NONE || bucket > currentBucket) {
      if (currentBucket != NONE) {
        flushCurrent();
      }
      currentBucket = bucket;
      currentCount = 1;
      System.arraycopy(values, 0, current, 0, width);
      buckets++;
    } else if (bucket == currentBucket) {
      currentCount = merge(current, currentCount, values);
    } else {
      addLate(bucket, values);
    }
    return true;
  }

  /** Mean-merges {@code values} into {@code into}, which holds the mean of {@code n} samples. */
  private int merge(double[] into, int n, double[] values) {
    int m = Math.min(n + 1, MAX_COUNT);
    for (int f = 0; f < width; f++) {
      into[f] += (values[f] - into[f]) / m;
    }
    return m;
  }

  private void flushCurrent() {
    if (open == null) {
      open = SeriesBlock.writer(width + 1);
    }
    System.arraycopy(current, 0, row, 0, width);
    row[width] = currentCount;
    open.append(currentBucket, row);
    if (open.count() >= blockBuckets) {
      sealed.add(new Sealed(open.lastBucket(), open.count(), open.toBytes()));
      open = null;
    }
  }

  /** A sample for a bucket older than the newest: rare (a clock step), so the group is rebuilt. */
  private void addLate(long bucket, double[] values) {
    TreeMap<Long, double[]> all = new TreeMap<>();
    forEachBucket(Long.MIN_VALUE, (b, r) -> all.put(b, r.clone()));
    double[] existing = all.get(bucket);
    if (existing == null) {
      double[] fresh = Arrays.copyOf(values, width + 1);
      fresh[width] = 1;
      all.put(bucket, fresh);
    } else {
      existing[width] = merge(existing, (int) existing[width], values);
    }
    sealed.clear();
    open = null;
    buckets = 0;
    currentBucket = NONE;
    all.forEach(
        (b, r) -> {
          if (currentBucket != NONE) {
            flushCurrent();
          }
          currentBucket = b;
          System.arraycopy(r, 0, current, 0, width);
          currentCount = (int) r[width];
          buckets++;
        });
  }

  /**
   * Drops every block whose buckets are all older than {@code cutoff}.
   *
   * @return true when nothing is left
   */
  boolean trim(long cutoff) {
    if (currentBucket != NONE && currentBucket < cutoff) {
      sealed.clear();
      open = null;
      currentBucket = NONE;
      buckets = 0;
      return true;
    }
    while (!sealed.isEmpty() && sealed.get(0).last() < cutoff) {
      buckets -= sealed.remove(0).count();
    }
    if (sealed.isEmpty() && open != null && open.lastBucket() < cutoff) {
      buckets -= open.count();
      open = null;
    }
    return currentBucket == NONE;
  }

  /** Adds every selected metric's value at buckets {@code >= from} to {@code out}. */
  void collect(long from, Predicate<String> select, SortedMap<Long, Map<String, Double>> out) {
    if (currentBucket == NONE || currentBucket < from) {
      return;
    }
    String[] names = new String[width];
    boolean any = false;
    for (int f = 0; f < width; f++) {
      String name = family.metricName(entity, f);
      if (select.test(name)) {
        names[f] = name;
        any = true;
      }
    }
    if (any) {
      forEachBucket(
          from,
          (b, r) -> {
            Map<String, Double> metrics = out.computeIfAbsent(b, k -> new TreeMap<>());
            for (int f = 0; f < width; f++) {
              if (names[f] != null) {
                metrics.put(names[f], r[f]);
              }
            }
          });
    }
  }

  /** Every bucket {@code >= from}, oldest first, as values plus the count in the last column. */
  private void forEachBucket(long from, BucketVisitor visitor) {
    double[] r = new double[width + 1];
    for (Sealed s : sealed) {
      if (s.last() >= from) {
        visit(SeriesBlock.read(s.bytes()), from, r, visitor);
      }
    }
    if (open != null && open.lastBucket() >= from) {
      visit(open.reader(), from, r, visitor);
    }
    if (currentBucket != NONE && currentBucket >= from) {
      System.arraycopy(current, 0, r, 0, width);
      r[width] = currentCount;
      visitor.visit(currentBucket, r);
    }
  }

  private void visit(SeriesBlockReader reader, long from, double[] r, BucketVisitor visitor) {
    while (reader.next()) {
      if (reader.bucket() >= from) {
        for (int c = 0; c <= width; c++) {
          r[c] = reader.value(c);
        }
        visitor.visit(reader.bucket(), r);
      }
    }
  }

  /** Receives one bucket; the array is reused between calls. */
  private interface BucketVisitor {
    void visit(long bucket, double[] valuesAndCount);
  }

  /** Heap held: blocks, the open stream, the newest bucket and the entity name. */
  long memoryBytes() {
    long bytes = 64 + 2L * (16 + 8L * (width + 1)) + 40 + 4L * sealed.size();
    for (Sealed s : sealed) {
      bytes += 40 + 16 + s.bytes().length;
    }
    if (open != null) {
      bytes += open.memoryBytes();
    }
    return bytes + (entity == null ? 0 : 40 + entity.length());
  }

  @Override
  public String toString() {
    return family + (entity == null ? "" : "[" + entity + "]") + "@" + currentBucket;
  }
}
