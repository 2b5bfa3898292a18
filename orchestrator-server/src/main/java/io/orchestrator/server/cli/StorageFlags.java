package io.orchestrator.server.cli;

import io.orchestrator.postgres.PostgresConfig;
import io.orchestrator.server.StorageConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code -storage}, {@code -database-url} and {@code -history-retention} (DESIGN §10); the database
 * user and password come only from the environment, so they never show in a process list.
 * Stateless.
 */
final class StorageFlags {
  static final String USER_ENV = "ORCHESTRATOR_DATABASE_USER";
  static final String PASSWORD_ENV = "ORCHESTRATOR_DATABASE_PASSWORD";

  private StorageFlags() {}

  static StorageConfig storage(Flags.FlagValues v, Map<String, String> env) throws UsageException {
    String mode = v.get("storage").strip().toLowerCase(Locale.ROOT);
    String url = v.get("database-url").strip();
    Duration retention = Flags.duration("history-retention", v.get("history-retention"));
    if (mode.equals("memory")) {
      if (!url.isEmpty()) {
        throw new UsageException(
            "invalid value: -database-url is set but -storage is memory (add -storage postgres)");
      }
      return StorageConfig.memory();
    }
    if (!mode.equals("postgres")) {
      throw new UsageException(
          "invalid value \"" + v.get("storage") + "\" for flag -storage: memory or postgres");
    }
    if (url.isEmpty()) {
      throw new UsageException("invalid value: -storage postgres needs -database-url");
    }
    try {
      return StorageConfig.postgres(
          PostgresConfig.builder(url)
              .user(blankToNull(env.get(USER_ENV)))
              .password(blankToNull(env.get(PASSWORD_ENV)))
              .historyRetention(retention)
              .build());
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid value: " + e.getMessage());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
