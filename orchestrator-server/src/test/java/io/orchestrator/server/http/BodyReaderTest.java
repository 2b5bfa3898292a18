package io.orchestrator.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.core.report.Report;
import io.orchestrator.server.json.BadRequestException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BodyReaderTest {
  private final AtomicLong nanos = new AtomicLong();

  /** A body that advances the fake clock by {@code secondsPerByte} for every byte it yields. */
  private InputStream trickle(String text, long secondsPerByte) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private int i;

      @Override
      public int read() {
        nanos.addAndGet(secondsPerByte * 1_000_000_000L);
        return i < bytes.length ? bytes[i++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (len == 0) {
          return 0;
        }
        int c = read();
        if (c < 0) {
          return -1;
        }
        b[off] = (byte) c;
        return 1;
      }
    };
  }

  @Test
  void readsAValidBodyAtAnyReasonableSpeed() {
    BodyReader reader = new BodyReader(1 << 20, nanos::get);
    Report r = reader.read(trickle("{\"agent_id\":\"a\"}", 0), -1, Report.class);
    assertThat(r.agentId()).isEqualTo("a");
  }

  @Test
  void tricklingBodyIsCutOffWith408() {
    BodyReader reader = new BodyReader(1 << 20, nanos::get);
    String body = "{\"agent_id\":\"a\",\"hostname\":\"" + "x".repeat(100) + "\"}";
    assertThatThrownBy(() -> reader.read(trickle(body, 1), -1, Report.class))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.status()).isEqualTo(408))
        .hasMessageContaining("too slowly");
  }

  @Test
  void sizeLimitAppliesWithAndWithoutDeclaredLength() {
    BodyReader reader = new BodyReader(10, nanos::get);
    String body = "{\"agent_id\":\"abcdefgh\"}";
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(new byte[0]), 11, Report.class))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.status()).isEqualTo(413));
    assertThatThrownBy(() -> reader.read(trickle(body, 0), -1, Report.class))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void declaredLengthIsReadWholeAndAShortBodyIsA400() {
    BodyReader reader = new BodyReader(1 << 20, nanos::get);
    for (int size : new int[] {100, 200_000}) { // read into one array, and in chunks
      String body = "{\"agent_id\":\"a\",\"hostname\":\"" + "x".repeat(size) + "\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      assertThat(reader.bytes(new ByteArrayInputStream(bytes), bytes.length, false))
          .isEqualTo(bytes);
      assertThatThrownBy(
              () -> reader.bytes(new ByteArrayInputStream(bytes), bytes.length + 1L, false))
          .isInstanceOfSatisfying(
              BadRequestException.class, e -> assertThat(e.status()).isEqualTo(400))
          .hasMessageContaining("ended after " + bytes.length + " of " + (bytes.length + 1));
    }
  }
}
