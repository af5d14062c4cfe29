package io.tracejdbc.tck;

/** The OpenTelemetry contract on the MariaDB server at 127.0.0.1:3306. */
class OpenTelemetryOnMariadbTest extends OpenTelemetryContract {
  @Override
  Database database() {
    return Database.mariadb();
  }
}
