package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * connect's Properties on PostgreSQL: every entry the caller gave, defaults included, reaches
 * pgjdbc as it would without tracejdbc; tracejdbc's options are read from them in any form.
 */
class ConnectPropertiesTest extends MockTracing {
  private static final String REAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String TRACING_URL = "jdbc:tracing:postgresql://127.0.0.1:5432/test";

  @BeforeEach
  void assumePostgres() {
    Properties info = new Properties();
    info.setProperty("user", "postgres");
    try (Connection c = DriverManager.getConnection(REAL_URL, info)) {
      c.isValid(1);
    } catch (SQLException e) {
      ServerRequired.unreachable(REAL_URL, e);
    }
  }

  @Test
  void propertiesGivenAsDefaultsReachTheRealDriver() throws SQLException {
    Properties defaults = new Properties();
    defaults.setProperty("user", "postgres");
    defaults.setProperty("ApplicationName", "from-defaults");
    Properties info = new Properties(defaults);

    try (Connection c = DriverManager.getConnection(TRACING_URL, info)) {
      assertThat(applicationName(c)).isEqualTo("from-defaults");
    }
    assertThat(spans())
        .singleElement()
        .satisfies(span -> assertThat(span.tags()).containsEntry("db.user", "postgres"));
  }

  @Test
  void optionsAreReadFromDefaultsAndFromValuesThatAreNotText() throws SQLException {
    Properties defaults = new Properties();
    defaults.setProperty("user", "postgres");
    defaults.setProperty("statementText", "none");
    Properties info = new Properties(defaults);
    info.put("traceTransactions", Boolean.FALSE);

    try (Connection c = DriverManager.getConnection(TRACING_URL, info)) {
      c.setAutoCommit(false);
      applicationName(c);
      c.commit();
    }
    assertThat(operationNames()).containsExactly("show");
    assertThat(spans().get(0).tags()).doesNotContainKey("db.statement");
  }

  @Test
  void aPropertiesWithATracejdbcOptionStillGivesTheRealDriverItsDefaults() throws SQLException {
    Properties defaults = new Properties();
    defaults.setProperty("user", "postgres");
    defaults.setProperty("traceAllQueries", "false");
    Properties info = new Properties(defaults);
    info.setProperty("ApplicationName", "given");

    try (Connection c = DriverManager.getConnection(TRACING_URL, info)) {
      assertThat(applicationName(c)).isEqualTo("given");
    }
    assertThat(spans()).isEmpty();
  }

  private static String applicationName(Connection c) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("SHOW application_name")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
