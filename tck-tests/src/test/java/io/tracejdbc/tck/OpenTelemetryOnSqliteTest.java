package io.tracejdbc.tck;

/** The OpenTelemetry contract on the private in-memory SQLite database. */
class OpenTelemetryOnSqliteTest extends OpenTelemetryContract {
  @Override
  Database database() {
    return Database.sqliteMemory();
  }
}
