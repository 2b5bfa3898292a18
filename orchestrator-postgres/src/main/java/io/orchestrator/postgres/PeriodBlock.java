package io.orchestrator.postgres;

import io.orchestrator.core.series.MetricFamily;
import io.orchestrator.core.series.MetricSample;
import io.orchestrator.core.series.SeriesBlock;
import io.orchestrator.core.series.SeriesBlockReader;
import io.orchestrator.core.series.SeriesBlockWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One agent's series over a period, as stored in {@code series_blocks}: for every family and
 * entity, a {@link SeriesBlock} of its buckets (each the mean of the samples in it, with their
 * count as a last column, as in memory). Layout: varint groups; per group the family's ordinal, the
 * entity (varint length and UTF-8, empty for host families) and the block (varint length and
 * bytes).
 */
final class PeriodBlock {
  private PeriodBlock() {}

  /** Collects an agent's samples, bucket by bucket in order, into blocks. Not thread-safe. */
  static final class Encoder {
    private final Map<Key, Group> groups = new LinkedHashMap<>();
    private long firstBucket = Long.MAX_VALUE;
    private long lastBucket = Long.MIN_VALUE;

    /** Adds one report's samples in {@code bucket}; buckets must not decrease. */
    void add(long bucket, List<MetricSample> samples) {
      firstBucket = Math.min(firstBucket, bucket);
      lastBucket = Math.max(lastBucket, bucket);
      for (MetricSample s : samples) {
        groups.computeIfAbsent(new Key(s.family(), s.entity()), Group::new).add(bucket, s);
      }
    }

    boolean isEmpty() {
      return groups.isEmpty();
    }

    long firstBucket() {
      return firstBucket;
    }

    long lastBucket() {
      return lastBucket;
    }

    byte[] toBytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      varint(out, groups.size());
      groups.forEach(
          (k, g) -> {
            out.write(k.family.code());
            byte[] entity =
                k.entity == null ? new byte[0] : k.entity.getBytes(StandardCharsets.UTF_8);
            varint(out, entity.length);
            out.write(entity, 0, entity.length);
            byte[] block = g.finish();
            varint(out, block.length);
            out.write(block, 0, block.length);
          });
      return out.toByteArray();
    }
  }

  private record Key(MetricFamily family, String entity) {}

  /** One family and entity: the bucket being averaged, and the stream of finished ones. */
  private static final class Group {
    private final SeriesBlockWriter writer;
    private final double[] row;
    private long bucket = Long.MIN_VALUE;
    private int count;

    Group(Key key) {
      this.writer = SeriesBlock.writer(key.family.width() + 1);
      this.row = new double[key.family.width() + 1];
    }

    void add(long b, MetricSample s) {
      if (b != bucket) {
        flush();
        bucket = b;
        count = 0;
        Arrays.fill(row, 0);
      }
      count++;
      for (int f = 0; f < row.length - 1; f++) {
        row[f] += (s.value(f) - row[f]) / count;
      }
    }

    private void flush() {
      if (count > 0) {
        row[row.length - 1] = count;
        writer.append(bucket, row);
        count = 0;
      }
    }

    byte[] finish() {
      flush();
      return writer.toBytes();
    }
  }

  /** Adds the selected metrics of buckets in {@code [from, to)} to {@code out}. */
  static void collect(
      byte[] data,
      long from,
      long to,
      Predicate<String> select,
      SortedMap<Long, Map<String, Double>> out) {
    int[] at = {0};
    long groups = varint(data, at);
    for (long g = 0; g < groups; g++) {
      MetricFamily family = MetricFamily.ofCode(data[at[0]++]);
      int entityLength = (int) varint(data, at);
      String entity =
          entityLength == 0 ? null : new String(data, at[0], entityLength, StandardCharsets.UTF_8);
      at[0] += entityLength;
      int blockLength = (int) varint(data, at);
      byte[] block = Arrays.copyOfRange(data, at[0], at[0] + blockLength);
      at[0] += blockLength;
      String[] names = new String[family.width()];
      boolean any = false;
      for (int f = 0; f < names.length; f++) {
        String name = family.metricName(entity, f);
        if (select.test(name)) {
          names[f] = name;
          any = true;
        }
      }
      if (any) {
        SeriesBlockReader r = SeriesBlock.read(block);
        while (r.next()) {
          if (r.bucket() >= from && r.bucket() < to) {
            Map<String, Double> metrics = out.computeIfAbsent(r.bucket(), k -> new TreeMap<>());
            for (int f = 0; f < names.length; f++) {
              if (names[f] != null) {
                metrics.put(names[f], r.value(f));
              }
            }
          }
        }
      }
    }
  }

  private static void varint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static long varint(byte[] in, int[] at) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in[at[0]++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("corrupt series period block");
  }
}
