package io.tracejdbc.tck;

/** The OpenTelemetry contract on the PostgreSQL server at 127.0.0.1:5432. */
class OpenTelemetryOnPostgresqlTest extends OpenTelemetryContract {
  @Override
  Database database() {
    return Database.postgresql();
  }
}
