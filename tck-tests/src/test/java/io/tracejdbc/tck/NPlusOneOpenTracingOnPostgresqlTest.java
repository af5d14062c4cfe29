package io.tracejdbc.tck;

/** N+1 detection through OpenTracing on the PostgreSQL server at 127.0.0.1:5432. */
class NPlusOneOpenTracingOnPostgresqlTest extends NPlusOneContract {
  @Override
  Database database() {
    return Database.postgresql();
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
