package io.tracejdbc.tck;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The OpenTelemetry contract on the MariaDB server at 127.0.0.1:3306. */
class OpenTelemetryOnMariadbTest extends OpenTelemetryContract {
  @Override
  Database database() {
    return Database.mariadb();
  }

  @Test
  void aStoredProcedureCallNamesTheProcedure() throws SQLException {
    String procedure = "tck_proc_" + Database.uniqueSuffix();
    callsOfAStoredProcedureNameIt(
        "CREATE PROCEDURE "
            + procedure
            + "(IN n INTEGER) INSERT INTO "
            + table
            + " (id, name) VALUES (n, 'p')",
        procedure);
  }
}
