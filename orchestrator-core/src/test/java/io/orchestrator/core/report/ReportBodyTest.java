package io.orchestrator.core.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReportBodyTest {
  private static byte[] probeLike(int processes) {
    StringBuilder json = new StringBuilder("{\"agent_id\":\"a\",\"processes\":[");
    for (int i = 0; i < processes; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"pid\":")
          .append(i)
          .append(",\"name\":\"service-")
          .append(i % 7)
          .append("\",\"cpu_time\":")
          .append(i * 13)
          .append('}');
    }
    return json.append("]}").toString().getBytes(UTF_8);
  }

  private static byte[] read(ReportBody body) throws IOException {
    try (InputStream in = body.openStream()) {
      return in.readAllBytes();
    }
  }

  private static byte[] bytesOf(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  @Test
  void aCompactedBodyReadsBackAsReceivedEveryWay() throws IOException {
    byte[] sent = probeLike(200);
    ReportBody compact = ReportBody.of(sent.clone()).compact();

    assertThat(compact.toString()).contains("deflated");
    assertThat(compact.size()).isEqualTo(sent.length);
    assertThat(compact.toByteArray()).isEqualTo(sent);
    assertThat(read(compact)).isEqualTo(sent);
    assertThat(bytesOf(compact.asReadOnlyBuffer())).isEqualTo(sent);
    assertThat(compact.compact()).isSameAs(compact);
  }

  @Test
  void theStoredFormOfAnyBodyReadsBackAsTheSameBody() {
    byte[] large = probeLike(200);
    byte[] small = "{\"agent_id\":\"a\"}".getBytes(UTF_8);
    for (ReportBody body :
        new ReportBody[] {
          ReportBody.of(large.clone()), ReportBody.of(large.clone()).compact(), ReportBody.of(small)
        }) {
      ReportBody back = ReportBody.ofStoredForm(body.storedForm().clone());
      assertThat(back).isEqualTo(body);
      assertThat(back.toByteArray()).isEqualTo(body.toByteArray());
    }
    byte[] stored = ReportBody.of(large.clone()).compact().storedForm();
    assertThat(stored.length).isLessThan(large.length / 4);
    assertThat(ReportBody.ofStoredForm(stored).toString()).contains("deflated");
  }

  @Test
  void aBodyStoredAsReceivedReadsAsItself() {
    byte[] raw = probeLike(50);
    assertThat(ReportBody.ofStoredForm(raw.clone()).toByteArray()).isEqualTo(raw);
  }

  @Test
  void aStoredCompactedFormCutShortIsRefused() {
    byte[] stored = ReportBody.of(probeLike(200)).compact().storedForm();
    assertThatThrownBy(() -> ReportBody.ofStoredForm(new byte[] {0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cut short");
    byte[] noLength = stored.clone();
    noLength[1] = noLength[2] = noLength[3] = noLength[4] = 0;
    assertThatThrownBy(() -> ReportBody.ofStoredForm(noLength))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no length");
    assertThatThrownBy(() -> ReportBody.ofStoredForm(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCompactedBodyEqualsTheBodyItCameFrom() {
    byte[] sent = probeLike(200);
    ReportBody raw = ReportBody.of(sent.clone());
    ReportBody compact = ReportBody.of(sent.clone()).compact();
    byte[] changed = sent.clone();
    changed[changed.length / 2] ^= 1;

    assertThat(compact).isEqualTo(raw).hasSameHashCodeAs(raw);
    assertThat(raw).isEqualTo(compact);
    assertThat(compact).isEqualTo(ReportBody.of(sent.clone()).compact());
    assertThat(compact).isNotEqualTo(ReportBody.of(changed).compact());
    assertThat(compact).isNotEqualTo(ReportBody.of(probeLike(201)).compact());
  }

  @Test
  void smallOrIncompressibleBodiesAreKeptAsTheyAre() {
    ReportBody small = ReportBody.of("{\"agent_id\":\"a\"}".getBytes(UTF_8));
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);
    ReportBody random = ReportBody.of(noise.clone());

    assertThat(small.compact()).isSameAs(small);
    assertThat(random.compact()).isSameAs(random);
    assertThat(random.toString()).doesNotContain("deflated");
    assertThat(random.toByteArray()).isEqualTo(noise);
  }

  @Test
  void aBodyCompactedOutOfAReusedBufferKeepsItsBytesWhenTheBufferIsOverwritten() {
    byte[] buffer = new byte[64 * 1024];
    byte[] big = probeLike(200);
    byte[] small = "{\"agent_id\":\"a\"}".getBytes(UTF_8);
    System.arraycopy(big, 0, buffer, 3, big.length);
    ReportBody fromBig = ReportBody.compacted(buffer, 3, big.length);
    System.arraycopy(small, 0, buffer, 0, small.length); // the next, shorter request
    ReportBody fromSmall = ReportBody.compacted(buffer, 0, small.length);
    Arrays.fill(buffer, (byte) 'x');

    assertThat(fromBig.toByteArray()).isEqualTo(big);
    assertThat(fromBig)
        .isEqualTo(ReportBody.of(big.clone()))
        .hasToString(ReportBody.of(big.clone()).compact().toString());
    assertThat(fromSmall.toByteArray()).isEqualTo(small);
    assertThat(fromSmall.size()).isEqualTo(small.length);
  }

  @Test
  void aBufferRangeThatIsEmptyOrOutsideTheBufferIsRefused() {
    byte[] buffer = new byte[16];
    assertThatThrownBy(() -> ReportBody.compacted(buffer, 4, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never empty");
    assertThatThrownBy(() -> ReportBody.compacted(buffer, 10, 7))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ReportBody.compacted(buffer, -1, 4))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void bodiesOfEverySizeAndShapeSurviveCompaction() {
    Random random = new Random(11);
    for (int i = 0; i < 300; i++) {
      byte[] sent = new byte[random.nextInt(200_000)];
      // runs of a few distinct bytes: compressible to various degrees
      int alphabet = 1 + random.nextInt(255);
      for (int j = 0; j < sent.length; j++) {
        sent[j] = (byte) random.nextInt(alphabet);
      }
      if (sent.length == 0) {
        assertThatThrownBy(() -> ReportBody.of(sent)).isInstanceOf(IllegalArgumentException.class);
        continue;
      }
      assertThat(ReportBody.of(sent.clone()).compact().toByteArray()).isEqualTo(sent);
    }
  }

  @Test
  void manyThreadsCompactAndReadAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      var results =
          IntStream.range(0, 400)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            byte[] sent = probeLike(50 + i);
                            return Arrays.equals(
                                ReportBody.of(sent.clone()).compact().toByteArray(), sent);
                          }))
              .toList();
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
