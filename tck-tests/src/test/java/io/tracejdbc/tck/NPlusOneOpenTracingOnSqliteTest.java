package io.tracejdbc.tck;

/** N+1 detection through OpenTracing on a SQLite database file. */
class NPlusOneOpenTracingOnSqliteTest extends NPlusOneContract {
  @Override
  Database database() {
    return Database.sqliteFile(directory);
  }

  @Override
  NPlusOneBackend backend() {
    return NPlusOneBackend.openTracing();
  }

  @Override
  boolean hasMetrics() {
    return false;
  }
}
