package io.tracejdbc.driver;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * A database server that a test needs and could not reach: the test is skipped, saying why, unless
 * the servers are required ({@code TRACEJDBC_REQUIRE_SERVERS=1}, as CI sets), when it fails.
 */
final class ServerRequired {
  private ServerRequired() {}

  /** A connection to {@code url}, a server's; the test is skipped or fails when it is down. */
  static Connection connect(String url) throws SQLException {
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException e) {
      return unreachable(url, e);
    }
  }

  /** Skips or fails the running test; returns only to satisfy the compiler. */
  static <T> T unreachable(String url, SQLException cause) {
    if ("1".equals(System.getenv("TRACEJDBC_REQUIRE_SERVERS"))) {
      return fail(url + " is required (TRACEJDBC_REQUIRE_SERVERS=1)", cause);
    }
    return Assumptions.abort(url + " is not reachable: " + cause.getMessage());
  }
}
