package io.orchestrator.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip, deflate, br, zstd | true",
        "GZIP | true",
        "br;q=1.0, gzip;q=0.8 | true",
        "gzip;q=0 | false",
        "gzip; q=0.0, * | false",
        "*;q=0, gzip | true",
        "* | true",
        "*;q=0 | false",
        "deflate, br | false",
        "identity | false",
        "gzip;q=oops | false",
        "'' | false",
      })
  void gzipIsAllowedOnlyWithANonZeroWeight(String header, boolean allowed) {
    assertThat(AcceptEncoding.allowsGzip(header)).isEqualTo(allowed);
  }

  @Test
  void noHeaderMeansNoGzip() {
    assertThat(AcceptEncoding.allowsGzip(null)).isFalse();
  }
}
