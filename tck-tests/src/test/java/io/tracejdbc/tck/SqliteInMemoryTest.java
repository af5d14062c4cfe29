package io.tracejdbc.tck;

/** The contract on the private in-memory SQLite database. */
class SqliteInMemoryTest extends TracingContract {
  @Override
  Database database() {
    return Database.sqliteMemory();
  }
}
