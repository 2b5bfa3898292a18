package io.orchestrator.testkit.storage;

import io.orchestrator.core.storage.Storage;
import io.orchestrator.core.storage.StorageSettings;
import io.orchestrator.postgres.LocalDatabase;
import io.orchestrator.postgres.PostgresConfig;
import io.orchestrator.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL storage passes the durable contract on the machine's real PostgreSQL. */
class PostgresStorageTest extends DurableStorageContract {
  private static LocalDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = new LocalDatabase();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Override
  protected Storage open(StorageSettings settings) {
    return PostgresStorage.factory(PostgresConfig.builder(database.url()).user("postgres").build())
        .open(settings);
  }
}
