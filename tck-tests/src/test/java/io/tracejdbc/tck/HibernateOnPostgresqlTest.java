package io.tracejdbc.tck;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Hibernate ORM 7 on the PostgreSQL server, in a schema of its own for each test. */
class HibernateOnPostgresqlTest extends HibernateContract {
  private final String schema = "tck_hibernate_" + Database.uniqueSuffix();

  @Override
  Database database() {
    return Database.postgresql();
  }

  @Override
  Map<String, String> settings() {
    return Map.of(
        "hibernate.default_schema", schema, "hibernate.hbm2ddl.create_namespaces", "true");
  }

  @Override
  void cleanUp() throws SQLException {
    try (Connection c = db.connect("traceAllConnections=false");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
