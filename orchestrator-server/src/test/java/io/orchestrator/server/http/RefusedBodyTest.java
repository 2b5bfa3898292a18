package io.orchestrator.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusedBodyTest {
  private final AtomicLong nanos = new AtomicLong();

  @Test
  void restWithinTheCapIsReadToItsEnd() {
    ByteArrayInputStream rest = new ByteArrayInputStream(new byte[50_000]);
    assertThat(RefusedBody.drain(rest, -1, 100_000, nanos::get)).isTrue();
    assertThat(rest.available()).isZero();
  }

  @Test
  void restPastTheCapIsGivenUp() {
    assertThat(
            RefusedBody.drain(new ByteArrayInputStream(new byte[150_000]), -1, 100_000, nanos::get))
        .isFalse();
  }

  @Test
  void declaredLengthPastTheCapIsNotReadAtAll() {
    ByteArrayInputStream rest = new ByteArrayInputStream(new byte[10]);
    assertThat(RefusedBody.drain(rest, 200_000, 100_000, nanos::get)).isFalse();
    assertThat(rest.available()).isEqualTo(10);
  }

  @Test
  void bodyStillArrivingAfterTheTimeBudgetIsGivenUp() {
    InputStream slow =
        new InputStream() {
          @Override
          public int read() {
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            nanos.addAndGet(1_000_000_000L); // each chunk takes a second
            return 1;
          }
        };
    assertThat(RefusedBody.drain(slow, -1, 100_000, nanos::get)).isFalse();
  }

  @Test
  void readErrorMeansTheConnectionMustClose() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("reset");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            throw new IOException("reset");
          }
        };
    assertThat(RefusedBody.drain(broken, -1, 100_000, nanos::get)).isFalse();
  }
}
