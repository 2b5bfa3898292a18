package io.orchestrator.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PidStringsTest {
  @Test
  void aPidIsItsDecimalStringAndTheSameInstanceNextTime() {
    assertThat(PidStrings.of(4_194_303)).isEqualTo("4194303");
    assertThat(PidStrings.of(4_194_303)).isSameAs(PidStrings.of(4_194_303));
    assertThat(PidStrings.of(0)).isEqualTo("0");
    assertThat(PidStrings.of(-7)).isEqualTo("-7");
  }

  @Test
  void pidsSharingASlotEachGetTheirOwnString() {
    int a = 1234;
    int b = a + (1 << 13);
    for (int i = 0; i < 3; i++) {
      assertThat(PidStrings.of(a)).isEqualTo("1234");
      assertThat(PidStrings.of(b)).isEqualTo(Integer.toString(b));
    }
  }
}
