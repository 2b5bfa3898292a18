package io.orchestrator.server;

import io.orchestrator.core.storage.InMemoryStorage;
import io.orchestrator.core.storage.StorageFactory;
import io.orchestrator.postgres.PostgresConfig;
import io.orchestrator.postgres.PostgresStorage;
import io.orchestrator.server.cli.GoDuration;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the server keeps its state (DESIGN §10): in memory, or in PostgreSQL as the system of
 * record. Immutable and thread-safe; {@link #toString()} never shows the password.
 *
 * @param mode memory or postgres
 * @param postgres the database settings with {@code postgres}, else null
 */
public record StorageConfig(Mode mode, PostgresConfig postgres) {
  /** The storage modes. */
  public enum Mode {
    /** Everything on the heap; nothing survives a restart. */
    MEMORY,
    /** PostgreSQL is the system of record. */
    POSTGRES;

    /** The flag's spelling. */
    public String flagValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks that postgres has its settings and memory none. */
  public StorageConfig {
    Objects.requireNonNull(mode, "mode");
    if ((mode == Mode.POSTGRES) != (postgres != null)) {
      throw new IllegalArgumentException(
          mode == Mode.POSTGRES
              ? "-storage postgres needs -database-url"
              : "-database-url is set but -storage is memory (add -storage postgres)");
    }
  }

  /** In memory (the default). */
  public static StorageConfig memory() {
    return new StorageConfig(Mode.MEMORY, null);
  }

  /** PostgreSQL with {@code config}. */
  public static StorageConfig postgres(PostgresConfig config) {
    return new StorageConfig(Mode.POSTGRES, config);
  }

  /** How long the database keeps history, or null in memory. */
  public Duration historyRetention() {
    return postgres == null ? null : postgres.historyRetention();
  }

  /** The factory the engine opens its storage with. */
  public StorageFactory factory() {
    return mode == Mode.MEMORY ? InMemoryStorage::new : PostgresStorage.factory(postgres);
  }

  /** A line for the banner: the mode, and the masked URL and retention with postgres. */
  public String describe() {
    return postgres == null
        ? mode.flagValue()
        : mode.flagValue()
            + " "
            + postgres.maskedUrl()
            + " (history "
            + GoDuration.format(postgres.historyRetention())
            + ")";
  }
}
