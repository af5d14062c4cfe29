package io.tracejdbc.tck.reliability;

import static io.tracejdbc.tck.reliability.Recorded.errorLog;
import static io.tracejdbc.tck.reliability.Recorded.madeBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.TracingDriver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL failing under a traced connection: a backend killed mid-transaction and a statement
 * timeout. pgjdbc's own exception reaches the caller (the instance the span logged, with {@code
 * statementText=raw}), the span is finished with its SQLState, and a HikariCP pool, which
 * recognizes a dead connection by that exception, replaces it.
 */
@Timeout(60)
class PostgresqlFailuresTest {
  private static final String URL = Postgres.TRACING_URL + "&statementText=raw";

  private final MockTracer tracer = new MockTracer();

  @BeforeEach
  void installTracer() {
    Postgres.assumeReachable();
    TracingDriver.init(tracer);
  }

  @AfterEach
  void restoreGlobalTracer() {
    TracingDriver.init(GlobalTracer.get());
  }

  @Test
  void aBackendKilledMidTransactionFailsTheNextStatementWithPgjdbcsOwnError() throws SQLException {
    SQLException thrown;
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeQuery("SELECT 1").close();
      terminate(backendPid(c));
      tracer.reset();

      thrown = catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT 2"));
    }

    assertThat(madeBy(thrown, "org.postgresql")).as("made by pgjdbc").isTrue();
    MockSpan span = tracer.finishedSpans().get(0);
    assertThat(span.operationName()).isEqualTo("select");
    assertThat(span.tags())
        .containsEntry("error", true)
        .containsEntry("db.sql_state", thrown.getSQLState());
    assertThat(errorLog(span).get("error.object")).isSameAs(thrown);
  }

  @Test
  void theRollbackAfterAKilledBackendIsFinishedWithItsErrorAndEndsTheMark() throws SQLException {
    MockSpan request = tracer.buildSpan("request").start();
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, request);
      s.executeQuery("SELECT 1").close();
      terminate(backendPid(c));
      catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT 2"));
      tracer.reset();

      catchThrowableOfType(SQLException.class, c::rollback);
      catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT 3"));
    }

    List<MockSpan> spans = tracer.finishedSpans();
    assertThat(spans).extracting(MockSpan::operationName).containsExactly("rollback", "select");
    assertThat(spans.get(0).parentId()).isEqualTo(request.context().spanId());
    assertThat(spans.get(1).parentId()).as("the mark ended with the rollback").isZero();
    assertThat(spans).allSatisfy(span -> assertThat(span.tags()).containsEntry("error", true));
  }

  @Test
  void aQueryTimeoutFailsWithPgjdbcsCancellationAndLeavesTheConnectionUsable() throws SQLException {
    SQLException thrown;
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      thrown = catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT pg_sleep(5)"));

      try (ResultSet rows = s.executeQuery("SELECT 42")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(42);
      }
    }

    assertThat(thrown.getSQLState()).isEqualTo("57014"); // query_canceled
    assertThat(madeBy(thrown, "org.postgresql")).as("made by pgjdbc").isTrue();
    MockSpan timedOut = tracer.finishedSpans().get(0);
    assertThat(timedOut.tags()).containsEntry("error", true).containsEntry("db.sql_state", "57014");
    assertThat(errorLog(timedOut).get("error.object")).isSameAs(thrown);
    assertThat(tracer.finishedSpans().get(1).tags()).doesNotContainKey("error");
  }

  @Test
  void aPoolReplacesAConnectionWhoseBackendWasKilled() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL);
    config.setMaximumPoolSize(1);
    config.setPoolName("reliability-kill");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      int killed;
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        killed = backendPid(c);
        terminate(killed);
        SQLException thrown =
            catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT 1"));
        assertThat(madeBy(thrown, "org.postgresql")).as("made by pgjdbc").isTrue();
      }

      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT 42")) {
        assertThat(backendPid(c)).isNotEqualTo(killed);
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(42);
      }
    }
  }

  private static int backendPid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT pg_backend_pid()")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Kills the backend {@code pid} from a second session, and waits until it is gone. */
  private static void terminate(int pid) throws SQLException {
    try (Connection admin = Postgres.raw();
        Statement s = admin.createStatement()) {
      s.execute("SELECT pg_terminate_backend(" + pid + ", 10000)");
    }
  }
}
