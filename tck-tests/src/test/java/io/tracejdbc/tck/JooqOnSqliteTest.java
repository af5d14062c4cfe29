package io.tracejdbc.tck;

import java.nio.file.Path;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.io.TempDir;

/** jOOQ on a SQLite database file. */
class JooqOnSqliteTest extends JooqContract {
  @TempDir Path directory;

  @Override
  Database database() {
    return Database.sqliteFile(directory);
  }

  @Override
  SQLDialect dialect() {
    return SQLDialect.SQLITE;
  }
}
