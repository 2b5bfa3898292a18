package io.orchestrator.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LivenessTest {
  private final AtomicLong bytesIn = new AtomicLong(120);
  private final Liveness liveness = new Liveness(bytesIn::get, 1_000);

  @Test
  void silenceGrowsWhileNoBytesArrive() {
    assertThat(liveness.silentNanos(1_000)).isZero();
    assertThat(liveness.silentNanos(5_000)).isEqualTo(4_000);
    assertThat(liveness.silentNanos(9_000)).isEqualTo(8_000);
  }

  @Test
  void anyByteReceivedRestartsTheSilence() {
    assertThat(liveness.silentNanos(5_000)).isEqualTo(4_000);
    bytesIn.addAndGet(6); // an empty pong from a client: 2 header bytes and a 4-byte mask
    assertThat(liveness.silentNanos(6_000)).isZero();
    assertThat(liveness.silentNanos(7_500)).isEqualTo(1_500);
  }
}
