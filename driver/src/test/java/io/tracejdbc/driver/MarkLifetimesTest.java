package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.opentracing.Span;
import io.opentracing.mock.MockSpan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * How long a mark lasts: a statement mark for its next execution, a connection mark until its
 * transaction ends (commit, rollback, auto-commit, a pool's return, clearTraced), on SQLite.
 */
class MarkLifetimesTest extends MockTracing {

  @Test
  void aStatementParentCoversItsNextExecutionOnly() throws SQLException {
    Span parent = tracer.buildSpan("request").start();
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      TracingDriver.setParentSpan(s, parent);
      s.execute("CREATE TABLE t (x INTEGER)");
      s.execute("INSERT INTO t VALUES (1)");
    }
    assertThat(spans())
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.operationName()).isEqualTo("create-table");
              assertThat(span.parentId()).isEqualTo(idOf(parent));
            });
  }

  @Test
  void aConnectionParentCoversItsTransaction() throws SQLException {
    TracingDriver.init(tracer, true, false);
    Span parent = tracer.buildSpan("ParentSpan").start();
    try (Connection c = sqlite()) {
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, parent);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
        s.execute("INSERT INTO users VALUES (1, 'John')");
        s.executeQuery("SELECT * FROM users").close();
      }
      c.commit();
      c.createStatement().execute("SELECT 1");
    }
    assertThat(operationNames()).containsExactly("create-table", "insert", "select", "commit");
    assertThat(spans()).allSatisfy(span -> assertThat(span.parentId()).isEqualTo(idOf(parent)));
  }

  @Test
  void savepointsKeepTheConnectionsTracing() throws SQLException {
    TracingDriver.init(tracer, true, false);
    Span parent = tracer.buildSpan("ParentSpan").start();
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, parent);
      s.execute("CREATE TABLE t (x INTEGER)");
      Savepoint nested = c.setSavepoint("nested");
      s.execute("INSERT INTO t VALUES (1)");
      c.rollback(nested);
      s.execute("INSERT INTO t VALUES (2)");
      c.releaseSavepoint(c.setSavepoint());
      s.execute("INSERT INTO t VALUES (3)");
      c.commit();
    }
    assertThat(operationNames())
        .containsExactly(
            "create-table",
            "savepoint",
            "insert",
            "rollback",
            "insert",
            "savepoint",
            "release-savepoint",
            "insert",
            "commit");
    assertThat(spans()).allSatisfy(span -> assertThat(span.parentId()).isEqualTo(idOf(parent)));
  }

  @Test
  void nothingIsTracedAfterARollback() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      TracingDriver.setTraced(c);
      s.execute("CREATE TABLE t (x INTEGER)");
      c.rollback();
      s.execute("CREATE TABLE u (x INTEGER)");
      c.commit();
    }
    assertThat(operationNames()).containsExactly("create-table", "rollback");
  }

  @Test
  void aNewParentAfterCommitStartsANewTrace() throws SQLException {
    TracingDriver.init(tracer, true, false);
    Span first = tracer.buildSpan("first").start();
    Span second = tracer.buildSpan("second").start();
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, first);
      s.execute("CREATE TABLE t (x INTEGER)");
      c.commit();
      TracingDriver.setParentSpan(c, second);
      s.execute("INSERT INTO t VALUES (1)");
      c.commit();
    }
    assertThat(spans())
        .extracting(MockSpan::operationName, MockSpan::parentId)
        .containsExactly(
            tuple("create-table", idOf(first)),
            tuple("commit", idOf(first)),
            tuple("insert", idOf(second)),
            tuple("commit", idOf(second)));
  }

  @Test
  void inAutoCommitModeAConnectionMarkCoversTheNextStatementOnly() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      TracingDriver.setTraced(c);
      s.execute("CREATE TABLE t (x INTEGER)");
      s.execute("INSERT INTO t VALUES (1)");
    }
    assertThat(operationNames()).containsExactly("create-table");
  }

  @Test
  void leavingATransactionForAutoCommitEndsTheConnectionMark() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      TracingDriver.setTraced(c);
      s.execute("CREATE TABLE t (x INTEGER)");
      c.setAutoCommit(true);
      s.execute("INSERT INTO t VALUES (1)");
    }
    assertThat(operationNames()).containsExactly("create-table");
  }

  @Test
  void aPoolsEndRequestEndsTheConnectionMarkBeforeTheNextBorrower() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      c.beginRequest();
      TracingDriver.setTraced(c);
      c.endRequest();
      c.beginRequest();
      s.execute("SELECT 1");
      c.endRequest();
    }
    assertThat(spans()).isEmpty();
  }

  @Test
  void clearWarningsWhichPoolsCallOnReturnEndsTheConnectionMark() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      TracingDriver.setTraced(c);
      c.clearWarnings();
      s.execute("SELECT 1");
    }
    assertThat(spans()).isEmpty();
  }

  @Test
  void clearTracedOnAConnectionStopsItsTracing() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      TracingDriver.setTraced(c);
      s.execute("CREATE TABLE t (x INTEGER)");
      TracingDriver.clearTraced(c);
      for (int i = 0; i < 100; i++) {
        s.execute("INSERT INTO t VALUES (" + i + ")");
      }
      c.commit();
    }
    assertThat(operationNames()).containsExactly("create-table");
  }

  @Test
  void clearTracedOnAStatementCancelsItsMark() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      TracingDriver.setParentSpan(s, tracer.buildSpan("request").start());
      TracingDriver.clearTraced(s);
      s.execute("SELECT 1");
    }
    assertThat(spans()).isEmpty();
  }

  @Test
  void aStatementMarkIsUsedUpByAFailedExecutionToo() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      TracingDriver.setTraced(s);
      assertThatThrownBy(() -> s.execute("SELECT * FROM missing")).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> s.execute("SELECT * FROM missing")).isInstanceOf(SQLException.class);
    }
    assertThat(spans())
        .singleElement()
        .satisfies(span -> assertThat(span.tags()).containsEntry("error", true));
  }

  @Test
  void rawSqlThroughAConnectionMarkIsTraced() throws SQLException {
    TracingDriver.init(tracer, true, false);
    Span parent = tracer.buildSpan("session").start();
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER, name TEXT)");
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, parent);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO users VALUES (?, ?)")) {
        insert.setInt(1, 1);
        insert.setString(2, "John");
        insert.executeUpdate();
      }
      c.commit();
    }
    assertThat(spans()).extracting(MockSpan::operationName).containsExactly("insert", "commit");
    assertThat(spans().get(0).parentId()).isEqualTo(idOf(parent));
  }
}
