package io.tracejdbc.tck;

import org.jooq.SQLDialect;

/** jOOQ on the PostgreSQL server. */
class JooqOnPostgresqlTest extends JooqContract {
  @Override
  Database database() {
    return Database.postgresql();
  }

  @Override
  SQLDialect dialect() {
    return SQLDialect.POSTGRES;
  }
}
