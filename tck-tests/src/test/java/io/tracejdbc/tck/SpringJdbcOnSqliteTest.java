package io.tracejdbc.tck;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Spring JDBC on a SQLite database file. */
class SpringJdbcOnSqliteTest extends SpringJdbcContract {
  @TempDir Path directory;

  @Override
  Database database() {
    return Database.sqliteFile(directory);
  }
}
