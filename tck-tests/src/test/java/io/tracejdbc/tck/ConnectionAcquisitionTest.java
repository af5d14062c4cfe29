package io.tracejdbc.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tracejdbc.driver.TracingOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code traceConnectionAcquisition} over a HikariCP pool on SQLite, PostgreSQL and MariaDB through
 * both backends: each {@code getConnection} of the data source is a span under the current one,
 * named after the pool's class, which lasts while the pool makes the caller wait and carries the
 * error when the pool gives up.
 */
class ConnectionAcquisitionTest {
  private static final String SPAN = "HikariDataSource.getConnection";
  private static final long TIMEOUT_MS = 250;

  static Stream<Arguments> databasesAndBackends() {
    return SqlCommenterTest.databasesAndBackends();
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("databasesAndBackends")
  void getConnectionIsASpanUnderTheCurrentOne(Database db, Backend backend) throws SQLException {
    db.assumeAvailable();
    backend.install(TracingOptions.defaults());
    try (HikariDataSource pool = pool(db)) {
      DataSource traced =
          backend.dataSource(
              pool, TracingOptions.builder().traceConnectionAcquisition(true).build());
      backend.reset();

      try (Backend.Parent request = backend.activate("request");
          Connection connection = traced.getConnection()) {
        DatabaseContract.query(connection, "SELECT 1");
      }
    }

    Backend.Recorded request = backend.named("request").get(0);
    Backend.Recorded acquisition = backend.named(SPAN).get(0);
    assertThat(backend.named(SPAN)).hasSize(1);
    assertThat(acquisition.parentSpanId()).isEqualTo(request.spanId());
    assertThat(acquisition.error()).isFalse();
    if (backend instanceof Backend.OpenTelemetryBackend) {
      assertThat(acquisition.kind()).isEqualTo("internal");
    } else {
      assertThat(acquisition.attributes()).containsEntry("component", "tracejdbc");
    }
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("databasesAndBackends")
  void anExhaustedPoolShowsTheWaitAndTheTimeout(Database db, Backend backend) throws SQLException {
    db.assumeAvailable();
    backend.install(TracingOptions.builder().traceConnectionAcquisition(true).build());
    SQLTransientConnectionException timeout;
    try (HikariDataSource pool = pool(db)) {
      DataSource traced = backend.dataSource(pool, TracingOptions.defaults());
      try (Connection first = traced.getConnection()) {
        backend.reset();
        timeout =
            catchThrowableOfType(SQLTransientConnectionException.class, traced::getConnection);
      }
    }

    assertThat((Throwable) timeout).hasMessageContaining("timed out");
    Backend.Recorded waited = backend.named(SPAN).get(0);
    assertThat(backend.named(SPAN)).hasSize(1);
    assertThat(waited.error()).isTrue();
    assertThat(waited.durationNanos())
        .isGreaterThanOrEqualTo(Duration.ofMillis(TIMEOUT_MS).toNanos());
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("databasesAndBackends")
  void offByDefaultGetConnectionIsNoSpan(Database db, Backend backend) throws SQLException {
    db.assumeAvailable();
    backend.install(TracingOptions.defaults());
    try (HikariDataSource pool = pool(db)) {
      DataSource traced = backend.dataSource(pool, TracingOptions.defaults());
      backend.reset();
      try (Backend.Parent request = backend.activate("request");
          Connection connection = traced.getConnection()) {
        DatabaseContract.query(connection, "SELECT 1");
      }
    }

    assertThat(backend.spans()).extracting(Backend.Recorded::name).doesNotContain(SPAN).hasSize(2);
  }

  /** A pool of one connection that makes a second borrower wait {@value #TIMEOUT_MS} ms. */
  private static HikariDataSource pool(Database db) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.tracingUrl.replace("jdbc:tracing:", "jdbc:"));
    if (db.user != null) {
      config.setUsername(db.user);
      config.setPassword(db.password);
    }
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(TIMEOUT_MS);
    return new HikariDataSource(config);
  }
}
