package io.tracejdbc.tck.reliability;

import static io.tracejdbc.tck.reliability.Recorded.errorLog;
import static io.tracejdbc.tck.reliability.Recorded.isChildOf;
import static io.tracejdbc.tck.reliability.Recorded.madeBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When sqlite-jdbc fails, the caller gets sqlite-jdbc's own exception (same instance, made in
 * org.sqlite), every span that was started is finished with the error, and a connection's mark ends
 * with the transaction even when commit or rollback fails. With {@code statementText=raw} the span
 * logs the exception object itself, which shows it is the instance the caller gets.
 *
 * <p>Close is not here: no driver of the kit fails at close, and tracejdbc's close starts no span.
 */
class RealDriverFailuresTest {
  private static final String URL = "jdbc:tracing:sqlite::memory:?statementText=raw";

  private final MockTracer tracer = new MockTracer();

  @BeforeEach
  void installTracer() {
    TracingDriver.init(tracer);
  }

  @AfterEach
  void restoreGlobalTracer() {
    TracingDriver.init(io.opentracing.util.GlobalTracer.get());
  }

  @Test
  void aConnectFailureIsTheRealDriversExceptionAndStartsNoSpan(@TempDir Path dir) {
    String missing = "jdbc:tracing:sqlite:" + dir.resolve("no/such/dir/app.db");

    SQLException thrown =
        catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(missing));

    assertThat((Throwable) thrown).isInstanceOf(org.sqlite.SQLiteException.class);
    assertThat(madeBy(thrown, "org.sqlite")).as("made by sqlite-jdbc").isTrue();
    assertThat(tracer.finishedSpans()).isEmpty();
  }

  @Test
  void aPrepareFailureIsTheRealDriversExceptionAndStartsNoSpan() throws SQLException {
    SQLException thrown;
    try (Connection c = DriverManager.getConnection(URL)) {
      thrown = catchThrowableOfType(SQLException.class, () -> c.prepareStatement("SELEC 1"));
    }

    assertThat((Throwable) thrown)
        .isInstanceOf(org.sqlite.SQLiteException.class)
        .hasMessageContaining("SELEC");
    assertThat(madeBy(thrown, "org.sqlite")).as("made by sqlite-jdbc").isTrue();
    assertThat(tracer.finishedSpans()).isEmpty();
  }

  @Test
  void anExecuteFailureReachesTheCallerAsTheSameInstanceItsSpanLogged() throws SQLException {
    SQLException thrown;
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      thrown =
          catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT * FROM missing"));
    }

    assertThat(madeBy(thrown, "org.sqlite")).as("made by sqlite-jdbc").isTrue();
    MockSpan span = tracer.finishedSpans().get(0);
    assertThat(tracer.finishedSpans()).hasSize(1);
    assertThat(span.tags()).containsEntry("error", true);
    assertThat(errorLog(span).get("error.object")).isSameAs(thrown);
  }

  @Test
  void aCommitFailureReachesTheCallerAndFinishesTheCommitSpanWithIt() throws SQLException {
    SQLException thrown;
    try (Connection c = withDeferredForeignKey();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO child VALUES (7)");
      thrown = catchThrowableOfType(SQLException.class, c::commit);
    }

    assertThat((Throwable) thrown).hasMessageContaining("FOREIGN KEY");
    assertThat(madeBy(thrown, "org.sqlite")).as("made by sqlite-jdbc").isTrue();
    MockSpan commit = tracer.finishedSpans().get(tracer.finishedSpans().size() - 1);
    assertThat(commit.operationName()).isEqualTo("commit");
    assertThat(commit.tags()).containsEntry("error", true);
    assertThat(errorLog(commit).get("error.object")).isSameAs(thrown);
  }

  @Test
  void aConnectionMarkDoesNotSurviveAFailedCommitIntoTheNextTransaction() throws SQLException {
    MockSpan request = tracer.buildSpan("request").start();
    try (Connection c = withDeferredForeignKey();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, request);
      s.executeUpdate("INSERT INTO child VALUES (7)");
      catchThrowableOfType(SQLException.class, c::commit);
      tracer.reset();

      s.executeQuery("SELECT COUNT(*) FROM child").close();
    }

    assertThat(tracer.finishedSpans())
        .singleElement()
        .satisfies(next -> assertThat(isChildOf(next, request)).isFalse())
        .satisfies(next -> assertThat(next.parentId()).isZero());
  }

  @Test
  void aConnectionMarkDoesNotSurviveAFailedRollbackIntoTheNextTransaction() throws SQLException {
    MockSpan request = tracer.buildSpan("request").start();
    SQLException thrown;
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, request);
      s.execute("COMMIT"); // behind JDBC's back: sqlite-jdbc's rollback() then fails
      thrown = catchThrowableOfType(SQLException.class, c::rollback);
      tracer.reset();

      s.executeQuery("SELECT COUNT(*) FROM t").close();
    }

    assertThat((Throwable) thrown).hasMessageContaining("no transaction is active");
    assertThat(tracer.finishedSpans())
        .singleElement()
        .satisfies(next -> assertThat(next.parentId()).isZero());
  }

  /** A connection whose commit fails: child rows must reference a parent row by then. */
  private static Connection withDeferredForeignKey() throws SQLException {
    Connection c = DriverManager.getConnection(URL);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA foreign_keys = ON");
      s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
      s.execute(
          "CREATE TABLE child (parent_id INTEGER"
              + " REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
    }
    return c;
  }
}
