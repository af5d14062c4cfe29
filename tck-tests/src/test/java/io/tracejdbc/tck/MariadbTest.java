package io.tracejdbc.tck;

/** The contract on the MariaDB server at 127.0.0.1:3306. */
class MariadbTest extends TracingContract {
  @Override
  Database database() {
    return Database.mariadb();
  }
}
