package io.tracejdbc.tck;

/** HikariCP on the PostgreSQL server. */
class HikariOnPostgresqlTest extends HikariPoolContract {
  @Override
  Database database() {
    return Database.postgresql();
  }
}
