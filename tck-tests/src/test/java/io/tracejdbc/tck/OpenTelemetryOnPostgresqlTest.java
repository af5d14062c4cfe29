package io.tracejdbc.tck;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The OpenTelemetry contract on the PostgreSQL server at 127.0.0.1:5432. */
class OpenTelemetryOnPostgresqlTest extends OpenTelemetryContract {
  @Override
  Database database() {
    return Database.postgresql();
  }

  @Test
  void aStoredProcedureCallNamesTheProcedure() throws SQLException {
    String procedure = "tck_proc_" + Database.uniqueSuffix();
    callsOfAStoredProcedureNameIt(
        "CREATE PROCEDURE "
            + procedure
            + "(n INTEGER) LANGUAGE SQL AS $$ INSERT INTO "
            + table
            + " (id, name) VALUES (n, 'p') $$",
        procedure,
        "escapeSyntaxCallMode=callIfNoReturn");
  }
}
