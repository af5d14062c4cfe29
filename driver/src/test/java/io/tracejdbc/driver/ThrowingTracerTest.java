package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tracejdbc.driver.FaultyTracer.Fault;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A tracer that throws never changes what a statement returns or throws. */
class ThrowingTracerTest extends MockTracing {

  @ParameterizedTest
  @EnumSource(Fault.class)
  void statementsReturnWhatTheyWouldWithoutTracing(Fault fault) throws SQLException {
    TracingDriver.init(
        new FaultyTracer(tracer, fault),
        TracingOptions.builder().traceWithActiveSpanOnly(fault == Fault.ACTIVE_SPAN).build());
    try (Connection c = sqlite("traceWithActiveSpanOnly=" + (fault == Fault.ACTIVE_SPAN));
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      TracingDriver.setTraced(c);
      assertThat(s.execute("CREATE TABLE t (x INTEGER)")).isFalse();
      assertThat(s.executeUpdate("INSERT INTO t VALUES (1)")).isEqualTo(1);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?)")) {
        p.setInt(1, 2);
        p.addBatch();
        p.setInt(1, 3);
        p.addBatch();
        assertThat(p.executeBatch()).containsExactly(1, 1);
      }
      try (ResultSet rs = s.executeQuery("SELECT sum(x) FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(6);
      }
      c.commit();
    }
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void aFailingStatementThrowsItsOwnExceptionUnchanged(Fault fault) throws SQLException {
    TracingDriver.init(new FaultyTracer(tracer, fault));
    SQLException expected;
    try (Connection raw = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
      expected =
          (SQLException)
              catchThrowable(() -> raw.createStatement().execute("SELECT * FROM missing"));
    }
    Throwable thrown;
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      thrown = catchThrowable(() -> s.execute("SELECT * FROM missing"));
    }
    assertThat(thrown).isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
    assertThat(((SQLException) thrown).getErrorCode()).isEqualTo(expected.getErrorCode());
  }

  @Test
  void aBrokenTracerIsReportedOnceNotPerStatement() throws SQLException {
    Logger logger = Logger.getLogger("io.tracejdbc.driver");
    List<LogRecord> warnings = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    TracingDriver.init(new FaultyTracer(tracer, Fault.BUILD_SPAN));
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      for (int i = 0; i < 10; i++) {
        s.execute("SELECT " + i);
      }
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(warnings).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"ACTIVATE_SPAN", "SCOPE_CLOSE"})
  void tracejdbcNeverActivatesASpanSoAThrowingScopeCannotReachIt(Fault fault) throws SQLException {
    TracingDriver.init(new FaultyTracer(tracer, fault));
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
      s.executeUpdate("INSERT INTO t VALUES (1)");
    }
    assertThat(operationNames()).containsExactly("create-table", "insert");
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"SET_TAG", "LOG"})
  void aSpanThatWasStartedIsFinishedEvenWhenTaggingThrows(Fault fault) throws SQLException {
    TracingDriver.init(new FaultyTracer(tracer, fault));
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE t (x INTEGER)");
      catchThrowable(() -> s.execute("SELECT * FROM missing"));
    }
    assertThat(operationNames()).containsExactly("create-table", "select");
  }
}
