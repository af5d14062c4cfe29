package io.tracejdbc.tck;

import static io.tracejdbc.tck.Traces.onlySpan;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The contract on the MariaDB server at 127.0.0.1:3306. */
class MariadbTest extends TracingContract {
  @Override
  Database database() {
    return Database.mariadb();
  }

  /** MySQL and MariaDB read a backslash as an escape, so it is doubled. */
  @Override
  String backslashPath() {
    return "'C:\\\\'";
  }

  @Test
  void doubleQuotedStringsAndHashCommentsAreSanitizedAsMariadbReadsThem() throws SQLException {
    query("SELECT name FROM " + table + " WHERE name = \"secret\" # the secret plan");

    assertThat(onlySpan(tracer).tags())
        .containsEntry("db.statement", "SELECT name FROM " + table + " WHERE name = ?");
  }
}
