package io.orchestrator.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Property tests of the codec: whatever goes in comes out bit for bit, in order. */
class SeriesBlockTest {
  private static final double[] ADVERSARIAL = {
    Double.NaN,
    Double.longBitsToDouble(0x7ff0_0000_0000_0001L), // a signalling NaN payload
    Double.longBitsToDouble(0xfff8_dead_beef_0001L), // a negative quiet NaN payload
    0.0,
    -0.0,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MIN_NORMAL,
    Math.nextDown(Double.MIN_NORMAL), // the largest subnormal
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    1.0,
    Math.nextUp(1.0),
  };

  /** Encodes, decodes and checks every bucket and every bit. */
  private static void roundTrip(long[] buckets, double[][] rows) {
    int width = rows[0].length;
    SeriesBlockWriter w = SeriesBlock.writer(width);
    for (int i = 0; i < buckets.length; i++) {
      w.append(buckets[i], rows[i]);
    }
    check(SeriesBlock.read(w.toBytes()), buckets, rows);
    check(w.reader(), buckets, rows);
  }

  private static void check(SeriesBlockReader r, long[] buckets, double[][] rows) {
    assertThat(r.count()).isEqualTo(buckets.length);
    for (int i = 0; i < buckets.length; i++) {
      assertThat(r.next()).isTrue();
      assertThat(r.bucket()).isEqualTo(buckets[i]);
      for (int c = 0; c < rows[i].length; c++) {
        long expected = Double.doubleToRawLongBits(rows[i][c]);
        long actual = Double.doubleToRawLongBits(r.value(c));
        assertThat(actual).as("bucket %d column %d", i, c).isEqualTo(expected);
      }
    }
    assertThat(r.next()).isFalse();
  }

  private static long[] buckets(Random random, int n) {
    long[] b = new long[n];
    long at = random.nextBoolean() ? random.nextInt(1 << 30) : random.nextLong() >> 2;
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      at +=
          kind < 7
              ? 1
              : kind < 8 ? 1 + random.nextInt(60) : kind < 9 ? 1 + random.nextInt(5000) : 1L << 35;
      b[i] = at;
    }
    return b;
  }

  private static double[][] rows(int n, int width, DoubleSupplier next) {
    double[][] rows = new double[n][width];
    for (double[] row : rows) {
      for (int c = 0; c < width; c++) {
        row[c] = next.getAsDouble();
      }
    }
    return rows;
  }

  @RepeatedTest(200)
  void randomDoublesAndGapsRoundTrip(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    int n = 1 + random.nextInt(300);
    int width = 1 + random.nextInt(6);
    DoubleSupplier any =
        () ->
            switch (random.nextInt(4)) {
              case 0 -> Double.longBitsToDouble(random.nextLong());
              case 1 -> random.nextGaussian() * 100;
              case 2 -> random.nextInt(1000);
              default -> ADVERSARIAL[random.nextInt(ADVERSARIAL.length)];
            };
    roundTrip(buckets(random, n), rows(n, width, any));
  }

  @RepeatedTest(50)
  void adversarialValuesInEveryOrderRoundTrip(RepetitionInfo info) {
    Random random = new Random(1000 + info.getCurrentRepetition());
    int n = 1 + random.nextInt(200);
    roundTrip(
        buckets(random, n), rows(n, 3, () -> ADVERSARIAL[random.nextInt(ADVERSARIAL.length)]));
  }

  @Test
  void longRunsOfRepeatsCostAboutABitPerValue() {
    int n = 10_000;
    long[] b = new long[n];
    for (int i = 0; i < n; i++) {
      b[i] = 1_000_000L + i;
    }
    double[][] rows = rows(n, 3, () -> 42.0);
    rows[n / 2][1] = 43.0;
    roundTrip(b, rows);
    SeriesBlockWriter w = SeriesBlock.writer(3);
    for (int i = 0; i < n; i++) {
      w.append(b[i], rows[i]);
    }
    // 10,000 buckets × (1 timestamp bit + 3 value bits) ≈ 5,000 bytes.
    assertThat(w.toBytes().length).isLessThan(5_100);
  }

  @Test
  void everyAdversarialPairRoundTrips() {
    List<double[]> rows = new ArrayList<>();
    for (double a : ADVERSARIAL) {
      for (double b : ADVERSARIAL) {
        rows.add(new double[] {a, b});
        rows.add(new double[] {b, a});
      }
    }
    long[] b = new long[rows.size()];
    Arrays.setAll(b, i -> i * 3L);
    roundTrip(b, rows.toArray(new double[0][]));
  }

  @Test
  void bucketsMustIncreaseAndGarbageIsRefused() {
    SeriesBlockWriter w = SeriesBlock.writer(1);
    w.append(5, new double[] {1});
    assertThatThrownBy(() -> w.append(5, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SeriesBlock.writer(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SeriesBlock.read(new byte[] {1, 5, 0}).next())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corrupt");
    assertThatThrownBy(() -> SeriesBlock.read(new byte[] {(byte) 0x80}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyWriterIsAnEmptyBlock() {
    SeriesBlockReader r = SeriesBlock.read(SeriesBlock.writer(2).toBytes());
    assertThat(r.count()).isZero();
    assertThat(r.next()).isFalse();
  }
}
