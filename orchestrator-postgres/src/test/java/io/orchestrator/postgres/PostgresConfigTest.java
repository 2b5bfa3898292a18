package io.orchestrator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresConfigTest {
  @Test
  void aUrlThatIsNotPostgresJdbcIsRefusedNamingTheFlag() {
    for (String url : new String[] {"postgres://h/db", "jdbc:mysql://h/db", "jdbc:postgresql://"}) {
      assertThatThrownBy(() -> PostgresConfig.builder(url).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("database-url");
    }
  }

  @Test
  void passwordsNeverShowInTheUrlOrTheConfig() {
    PostgresConfig c =
        PostgresConfig.builder("jdbc:postgresql://h:5432/db?user=u&password=hunter2&ssl=true")
            .password("also-secret")
            .build();
    assertThat(c.maskedUrl()).isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true");
    assertThat(c.toString()).doesNotContain("hunter2").doesNotContain("also-secret");
    assertThat(PostgresConfig.mask("jdbc:postgresql://u:pw@h/db"))
        .isEqualTo("jdbc:postgresql://u:***@h/db");
  }

  @Test
  void retentionAndPoolSizesAreChecked() {
    assertThatThrownBy(
            () ->
                PostgresConfig.builder("jdbc:postgresql://h/db")
                    .historyRetention(Duration.ZERO)
                    .build())
        .hasMessageContaining("history-retention");
    assertThatThrownBy(
            () -> PostgresConfig.builder("jdbc:postgresql://h/db").writers(4).poolSize(5).build())
        .hasMessageContaining("pool");
  }
}
