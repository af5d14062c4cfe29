package io.tracejdbc.tck;

import static io.tracejdbc.tck.Traces.named;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDriver;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flyway migrating PostgreSQL through a pool of {@code jdbc:tracing:} connections. Flyway tells the
 * database from {@code DatabaseMetaData.getURL()}, which is the real driver's URL.
 */
class FlywayOnPostgresqlTest {
  final MockTracer tracer = new MockTracer();
  final Database db = Database.postgresql();
  final String schema = "tck_flyway_" + Database.uniqueSuffix();
  HikariDataSource dataSource;

  @BeforeEach
  void openPool() {
    db.assumeAvailable();
    TracingDriver.init(tracer);
    dataSource = HikariPoolContract.pool(db, 2);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (dataSource == null) {
      return;
    }
    try (HikariDataSource d = dataSource;
        Connection c = d.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void migrationsRunToCompletionWithCreateTableSpans() {
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(schema)
            .locations("classpath:db/tck-migration")
            .load()
            .migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isEqualTo(2);
    assertThat(named(tracer, "create-table"))
        .extracting(span -> span.tags().get("db.sql.table"))
        .contains("customers", "orders");
    assertThat(named(tracer, "insert"))
        .extracting(span -> span.tags().get("db.sql.table"))
        .contains("customers");
    assertThat(tracer.finishedSpans())
        .as("spans with error=true")
        .noneMatch(span -> Boolean.TRUE.equals(span.tags().get("error")));
  }
}
