package io.tracejdbc.tck.reliability;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
  private static final String REQUIRE_SERVERS = "TRACEJDBC_REQUIRE_SERVERS";

  private Postgres() {}

  static void assumeReachable() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5432), 2_000);
      return;
    } catch (IOException e) {
      String message = "PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage() + ")";
      if ("1".equals(System.getenv(REQUIRE_SERVERS))) {
        fail(message + ", and " + REQUIRE_SERVERS + "=1 requires it");
      }
      assumeTrue(false, message + ": skipping (set " + REQUIRE_SERVERS + "=1 to fail instead)");
    }
  }

  /** A connection of pgjdbc itself, not traced: the second session that watches or kills. */
  static Connection raw() throws SQLException {
    return DriverManager.getConnection(REAL_URL);
  }
}
