package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.mock.MockSpan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's README and tests, in JDBC form, on SQLite. */
class SeedScenariosTest extends MockTracing {

  @Test
  void everyStatementOfEveryConnectionIsTracedByDefault() throws SQLException {
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
      s.executeUpdate("INSERT INTO users VALUES (1, 'John')");
      try (ResultSet rs = s.executeQuery("SELECT name FROM users WHERE id = 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
    assertThat(operationNames()).containsExactly("create-table", "insert", "select");
  }

  @Test
  void aSpanCarriesTheDatabaseTheStatementAndWhatItTouched() throws SQLException {
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
      tracer.reset();
      s.executeUpdate("INSERT INTO users   VALUES (1, 'John')");
    }
    MockSpan span = spans().get(0);
    assertThat(span.tags()).containsAllEntriesOf(Map.of(
        "span.kind", "client",
        "component", "tracejdbc",
        "db.type", "sql",
        "db.system", "sqlite",
        "db.instance", ":memory:",
        "db.operation", "insert",
        "db.sql.table", "users",
        "db.statement", "INSERT INTO users VALUES (?, ?)",
        "db.rows_affected", 1L));
    assertThat(span.tags()).doesNotContainKeys("error", "peer.hostname", "peer.port");
    assertThat(span.parentId()).isZero();
  }

  @Test
  void aStatementParentCoversItsNextExecutionOnly() throws SQLException {
    Span parent = tracer.buildSpan("request").start();
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      TracingDriver.setParentSpan(s, parent);
      s.execute("CREATE TABLE t (x INTEGER)");
      s.execute("INSERT INTO t VALUES (1)");
    }
    assertThat(spans()).singleElement().satisfies(span -> {
      assertThat(span.operationName()).isEqualTo("create-table");
      assertThat(span.parentId()).isEqualTo(idOf(parent));
    });
  }

  @Test
  void traceAllQueriesOffTracesOnlyMarkedStatements() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
      PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)");
      insert.setInt(1, 1);
      insert.executeUpdate();
      TracingDriver.setTraced(insert);
      insert.setInt(1, 2);
      insert.executeUpdate();
      insert.setInt(1, 3);
      insert.executeUpdate();
    }
    assertThat(operationNames()).containsExactly("insert");
    assertThat(spans().get(0).parentId()).isZero();
  }

  @Test
  void setTracedWithoutParentUsesTheActiveSpan() throws SQLException {
    TracingDriver.init(tracer, true, false);
    Span request = tracer.buildSpan("request").start();
    try (Connection c = sqlite(); Statement s = c.createStatement();
        Scope ignored = tracer.activateSpan(request)) {
      TracingDriver.setTraced(s);
      s.execute("SELECT 1");
    }
    assertThat(spans()).singleElement().satisfies(span -> assertThat(span.parentId()).isEqualTo(idOf(request)));
  }

  @Test
  void traceAllConnectionsOffTracesOnlyRegisteredConnections() throws SQLException {
    TracingDriver.init(tracer, false, true);
    try (Connection registered = sqlite(); Connection other = sqlite()) {
      TracingDriver.register(registered);
      registered.createStatement().execute("SELECT 1");
      other.createStatement().execute("SELECT 2");
      TracingDriver.unregister(registered);
      registered.createStatement().execute("SELECT 3");
    }
    assertThat(spans()).singleElement()
        .satisfies(span -> assertThat(span.tags()).containsEntry("db.statement", "SELECT ?"));
  }

  @Test
  void aMarkDoesNotTraceAnUnregisteredConnection() throws SQLException {
    TracingDriver.init(tracer, false, false);
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      TracingDriver.setParentSpan(s, tracer.buildSpan("request").start());
      s.execute("SELECT 1");
    }
    assertThat(spans()).isEmpty();
  }

  @Test
  void aFailedStatementIsTaggedAndItsOwnExceptionReachesTheCaller() throws SQLException {
    SQLException thrown;
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)");
      s.execute("INSERT INTO t VALUES (1)");
      tracer.reset();
      thrown = (SQLException) catchThrowable(() -> s.execute("INSERT INTO t VALUES (1)"));
    }
    assertThat((Throwable) thrown).isNotNull();
    MockSpan span = spans().get(0);
    assertThat(span.operationName()).isEqualTo("insert");
    assertThat(span.tags()).containsEntry("error", true)
        .containsEntry("db.error_code", thrown.getErrorCode());
    assertThat(span.logEntries()).hasSize(1);
    Map<String, Object> log = new HashMap<>(span.logEntries().get(0).fields());
    assertThat(log)
        .containsEntry("event", "error")
        .containsEntry("error.kind", thrown.getClass().getName())
        .containsEntry("message", thrown.getMessage())
        .doesNotContainKey("error.object");
  }

  @Test
  void textTheParserCannotReadIsATextclause() throws SQLException {
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("FROBNICATE the database"))
          .isInstanceOf(SQLException.class);
    }
    assertThat(spans()).singleElement().satisfies(span -> {
      assertThat(span.operationName()).isEqualTo("textclause");
      assertThat(span.tags()).containsEntry("error", true);
    });
  }

  @Test
  void sqlitePragmasAreNotTraced() throws SQLException {
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      s.execute("PRAGMA foreign_keys = ON");
      s.execute("SELECT 1");
    }
    assertThat(operationNames()).containsExactly("select");
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
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
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
    assertThat(operationNames()).containsExactly("create-table", "savepoint", "insert",
        "rollback", "insert", "savepoint", "release-savepoint", "insert", "commit");
    assertThat(spans()).allSatisfy(span -> assertThat(span.parentId()).isEqualTo(idOf(parent)));
  }

  @Test
  void nothingIsTracedAfterARollback() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
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
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, first);
      s.execute("CREATE TABLE t (x INTEGER)");
      c.commit();
      TracingDriver.setParentSpan(c, second);
      s.execute("INSERT INTO t VALUES (1)");
      c.commit();
    }
    assertThat(spans()).extracting(MockSpan::operationName, MockSpan::parentId).containsExactly(
        tuple("create-table", idOf(first)),
        tuple("commit", idOf(first)),
        tuple("insert", idOf(second)),
        tuple("commit", idOf(second)));
  }

  @Test
  void inAutoCommitModeAConnectionMarkCoversTheNextStatementOnly() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      TracingDriver.setTraced(c);
      s.execute("CREATE TABLE t (x INTEGER)");
      s.execute("INSERT INTO t VALUES (1)");
    }
    assertThat(operationNames()).containsExactly("create-table");
  }

  @Test
  void leavingATransactionForAutoCommitEndsTheConnectionMark() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
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
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
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
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
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
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
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
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      TracingDriver.setParentSpan(s, tracer.buildSpan("request").start());
      TracingDriver.clearTraced(s);
      s.execute("SELECT 1");
    }
    assertThat(spans()).isEmpty();
  }

  @Test
  void aStatementMarkIsUsedUpByAFailedExecutionToo() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      TracingDriver.setTraced(s);
      assertThatThrownBy(() -> s.execute("SELECT * FROM missing")).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> s.execute("SELECT * FROM missing")).isInstanceOf(SQLException.class);
    }
    assertThat(spans()).singleElement()
        .satisfies(span -> assertThat(span.tags()).containsEntry("error", true));
  }

  @Test
  void aStatementMarkWinsOverTheConnectionMarkAndTheActiveSpan() throws SQLException {
    Span statementParent = tracer.buildSpan("statement").start();
    Span connectionParent = tracer.buildSpan("connection").start();
    Span active = tracer.buildSpan("active").start();
    try (Connection c = sqlite(); Statement s = c.createStatement();
        Scope ignored = tracer.activateSpan(active)) {
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, connectionParent);
      TracingDriver.setParentSpan(s, statementParent);
      s.execute("SELECT 1");
      s.execute("SELECT 2");
      c.commit();
      s.execute("SELECT 3");
    }
    assertThat(spans()).extracting(MockSpan::parentId).containsExactly(
        idOf(statementParent), idOf(connectionParent), idOf(connectionParent), idOf(active));
  }

  @Test
  void aBatchIsOneSpanWithItsSize() throws SQLException {
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
      tracer.reset();
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
        for (int i = 0; i < 100; i++) {
          insert.setInt(1, i);
          insert.addBatch();
        }
        assertThat(insert.executeBatch()).hasSize(100);
      }
    }
    assertThat(spans()).singleElement().satisfies(span -> {
      assertThat(span.operationName()).isEqualTo("insert");
      assertThat(span.tags()).containsEntry("db.batch.size", 100)
          .containsEntry("db.rows_affected", 100L)
          .containsEntry("db.sql.table", "t");
    });
  }

  @Test
  void aBatchOfMixedStatementsIsNamedBatch() throws SQLException {
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
      tracer.reset();
      s.addBatch("INSERT INTO t VALUES (1)");
      s.addBatch("INSERT INTO t VALUES (2)");
      s.executeBatch();
      s.addBatch("INSERT INTO t VALUES (3)");
      s.addBatch("UPDATE t SET x = 4 WHERE x = 3");
      s.executeBatch();
    }
    assertThat(spans()).extracting(MockSpan::operationName).containsExactly("insert", "batch");
    assertThat(spans().get(0).tags()).containsEntry("db.batch.size", 2)
        .containsEntry("db.statement", "INSERT INTO t VALUES (?)");
    assertThat(spans().get(1).tags()).containsEntry("db.batch.size", 2)
        .containsEntry("db.statement", "INSERT INTO t VALUES (?); UPDATE t SET x = ? WHERE x = ?");
  }

  @Test
  void aBatchOfManyDifferentStatementsListsOnlyTheFirstFew() throws SQLException {
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      for (int i = 0; i < 25; i++) {
        s.addBatch("CREATE TABLE t" + i + " (x INTEGER)");
      }
      s.executeBatch();
    }
    assertThat(spans()).singleElement().satisfies(span -> {
      assertThat(span.operationName()).isEqualTo("create-table");
      assertThat(span.tags()).containsEntry("db.batch.size", 25);
      assertThat(((String) span.tags().get("db.statement")).split("; "))
          .hasSize(TracingStatement.BATCH_STATEMENT_TEXTS)
          .startsWith("CREATE TABLE t0 (x INTEGER)");
    });
  }

  @Test
  void aPreparedStatementIsClassifiedOnceAndTracedOnEveryExecution() throws SQLException {
    try (Connection c = sqlite();
        PreparedStatement select = c.prepareStatement("SELECT ? + 1")) {
      for (int i = 0; i < 3; i++) {
        select.setInt(1, i);
        select.executeQuery().close();
      }
    }
    assertThat(operationNames()).containsExactly("select", "select", "select");
  }

  @Test
  void rawSqlThroughAConnectionMarkIsTraced() throws SQLException {
    TracingDriver.init(tracer, true, false);
    Span parent = tracer.buildSpan("session").start();
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
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
