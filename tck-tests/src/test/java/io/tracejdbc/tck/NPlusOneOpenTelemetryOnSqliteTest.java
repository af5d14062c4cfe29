package io.tracejdbc.tck;

/** N+1 detection through OpenTelemetry on a SQLite database file. */
class NPlusOneOpenTelemetryOnSqliteTest extends NPlusOneContract {
  @Override
  Database database() {
    return Database.sqliteFile(directory);
  }

  @Override
  NPlusOneBackend backend() {
    return NPlusOneBackend.openTelemetry();
  }

  @Override
  boolean hasMetrics() {
    return true;
  }
}
