package io.tracejdbc.spring.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The databases the bookshop runs on: Boot's datasource properties for each. */
enum Database {
  H2("h2database", List.of("spring.datasource.url=jdbc:h2:mem:bookshop;DB_CLOSE_DELAY=-1")),
  POSTGRESQL(
      "postgresql",
      List.of(
          "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
          "spring.datasource.username=postgres"));

  /** The conventions' {@code db.system.name}. */
  final String systemName;

  private final List<String> properties;

  Database(String systemName, List<String> properties) {
    this.systemName = systemName;
    this.properties = properties;
  }

  List<String> properties() {
    return properties;
  }

  /** The data source's JDBC URL. */
  String url() {
    return properties.get(0).substring("spring.datasource.url=".length());
  }

  /**
   * Skips the running test when this database does not answer, or fails it under {@code
   * TRACEJDBC_REQUIRE_SERVERS=1} (as CI runs).
   */
  void requireReachable() {
    if (this != POSTGRESQL) {
      return;
    }
    String url = "jdbc:postgresql://127.0.0.1:5432/test";
    try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
      connection.isValid(5);
    } catch (SQLException e) {
      if ("1".equals(System.getenv("TRACEJDBC_REQUIRE_SERVERS"))) {
        fail(url + " is required (TRACEJDBC_REQUIRE_SERVERS=1)", e);
      }
      Assumptions.abort(url + " is not reachable: " + e.getMessage());
    }
  }
}
