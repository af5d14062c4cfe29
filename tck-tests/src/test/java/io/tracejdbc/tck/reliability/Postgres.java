package io.tracejdbc.tck.reliability;

import io.tracejdbc.tck.Servers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server of the kit: 127.0.0.1:5432, database {@code test}, user {@code postgres},
 * trust authentication. Tests that need it skip when it does not answer, naming it, unless {@code
 * TRACEJDBC_REQUIRE_SERVERS=1} (as CI sets), which makes them fail.
 */
final class Postgres {
  static final String REAL_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  static final String TRACING_URL = "jdbc:tracing:postgresql://127.0.0.1:5432/test?user=postgres";

  private Postgres() {}

  static void assumeReachable() {
    Servers.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
  }

  /** A connection of pgjdbc itself, not traced: the second session that watches or kills. */
  static Connection raw() throws SQLException {
    return DriverManager.getConnection(REAL_URL);
  }
}
