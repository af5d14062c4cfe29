package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@code setCatalog} and {@code setSchema} change what later spans name where they change the
 * connection's database ({@code db.instance}) or what the conventions call its namespace.
 */
class NamespaceChangesTest extends MockTracing {
  private static final String MARIADB = "jdbc:tracing:mariadb://127.0.0.1:3306/test?user=root";
  private static final String POSTGRES =
      "jdbc:tracing:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final String OTHER_DATABASE = "tracejdbc_dd_other";

  @Test
  void setCatalogOnMariadbNamesTheNewDatabase() throws SQLException {
    try (Connection c = ServerRequired.connect(MARIADB);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + OTHER_DATABASE);
      s.execute("SELECT 1");
      c.setCatalog(OTHER_DATABASE);
      s.execute("SELECT DATABASE()");
      c.setCatalog("test");
      s.execute("SELECT 2");
    }
    assertThat(spans())
        .extracting(span -> span.tags().get("db.instance"))
        .containsExactly("test", "test", OTHER_DATABASE, "test");
  }

  @Test
  void setSchemaOnPostgresqlQualifiesTheNamespaceButNotTheDatabase() throws SQLException {
    try (Connection c = ServerRequired.connect(POSTGRES);
        Statement s = c.createStatement()) {
      TracingConnection traced = c.unwrap(TracingConnection.class);
      assertThat(traced.config.db.namespace).isEqualTo("test|postgres");
      c.setSchema("information_schema");
      s.execute("SELECT 1");
      assertThat(traced.config.db.namespace).isEqualTo("test|information_schema");
      c.setCatalog("ignored_by_pgjdbc");
      assertThat(traced.config.db.namespace).isEqualTo("test|information_schema");
    }
    assertThat(spans().get(0).tags()).containsEntry("db.instance", "test");
  }

  @Test
  void aFailedSetCatalogChangesNothing() throws SQLException {
    try (Connection c = ServerRequired.connect(MARIADB);
        Statement s = c.createStatement()) {
      try {
        c.setCatalog("tracejdbc_dd_no_such_database");
      } catch (SQLException expected) {
        // MariaDB refuses it
      }
      s.execute("SELECT 1");
    }
    assertThat(spans().get(0).tags()).containsEntry("db.instance", "test");
  }
}
