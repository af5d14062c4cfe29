package io.tracejdbc.tck;

/** The contract on the PostgreSQL server at 127.0.0.1:5432. */
class PostgresqlTest extends TracingContract {
  @Override
  Database database() {
    return Database.postgresql();
  }
}
