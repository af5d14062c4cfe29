package io.tracejdbc.tck;

/** Spring JDBC on the PostgreSQL server. */
class SpringJdbcOnPostgresqlTest extends SpringJdbcContract {
  @Override
  Database database() {
    return Database.postgresql();
  }
}
