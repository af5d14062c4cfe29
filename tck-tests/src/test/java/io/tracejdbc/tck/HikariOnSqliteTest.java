package io.tracejdbc.tck;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** HikariCP on a SQLite database file. */
class HikariOnSqliteTest extends HikariPoolContract {
  @TempDir Path directory;

  @Override
  Database database() {
    return Database.sqliteFile(directory);
  }
}
