package io.tracejdbc.tck;

/** N+1 detection through OpenTelemetry on the PostgreSQL server at 127.0.0.1:5432. */
class NPlusOneOpenTelemetryOnPostgresqlTest extends NPlusOneContract {
  @Override
  Database database() {
    return Database.postgresql();
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
