package io.tracejdbc.tck;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a SQLite database file in a temporary directory. */
class SqliteFileTest extends TracingContract {
  @TempDir Path directory;

  @Override
  Database database() {
    return Database.sqliteFile(directory);
  }
}
