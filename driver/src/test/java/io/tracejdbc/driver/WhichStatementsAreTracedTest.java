package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.mock.MockSpan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Which executions are traced and under which parent: the toggles, registration, marks and the
 * active span, as sqlalchemy_opentracing decides them, on SQLite.
 */
class WhichStatementsAreTracedTest extends MockTracing {

  @Test
  void everyStatementOfEveryConnectionIsTracedByDefault() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
      s.executeUpdate("INSERT INTO users VALUES (1, 'John')");
      try (ResultSet rs = s.executeQuery("SELECT name FROM users WHERE id = 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
    assertThat(operationNames()).containsExactly("create-table", "insert", "select");
  }

  @Test
  void traceAllQueriesOffTracesOnlyMarkedStatements() throws SQLException {
    TracingDriver.init(tracer, true, false);
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
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
    try (Connection c = sqlite();
        Statement s = c.createStatement();
        Scope ignored = tracer.activateSpan(request)) {
      TracingDriver.setTraced(s);
      s.execute("SELECT 1");
    }
    assertThat(spans())
        .singleElement()
        .satisfies(span -> assertThat(span.parentId()).isEqualTo(idOf(request)));
  }

  @Test
  void traceAllConnectionsOffTracesOnlyRegisteredConnections() throws SQLException {
    TracingDriver.init(tracer, false, true);
    try (Connection registered = sqlite();
        Connection other = sqlite()) {
      TracingDriver.register(registered);
      registered.createStatement().execute("SELECT 1");
      other.createStatement().execute("SELECT 2");
      TracingDriver.unregister(registered);
      registered.createStatement().execute("SELECT 3");
    }
    assertThat(spans())
        .singleElement()
        .satisfies(span -> assertThat(span.tags()).containsEntry("db.statement", "SELECT ?"));
  }

  @Test
  void aMarkDoesNotTraceAnUnregisteredConnection() throws SQLException {
    TracingDriver.init(tracer, false, false);
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      TracingDriver.setParentSpan(s, tracer.buildSpan("request").start());
      s.execute("SELECT 1");
    }
    assertThat(spans()).isEmpty();
  }

  @Test
  void sqlitePragmasAreNotTraced() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("PRAGMA foreign_keys = ON");
      s.execute("SELECT 1");
    }
    assertThat(operationNames()).containsExactly("select");
  }

  @Test
  void aStatementMarkWinsOverTheConnectionMarkAndTheActiveSpan() throws SQLException {
    Span statementParent = tracer.buildSpan("statement").start();
    Span connectionParent = tracer.buildSpan("connection").start();
    Span active = tracer.buildSpan("active").start();
    try (Connection c = sqlite();
        Statement s = c.createStatement();
        Scope ignored = tracer.activateSpan(active)) {
      c.setAutoCommit(false);
      TracingDriver.setParentSpan(c, connectionParent);
      TracingDriver.setParentSpan(s, statementParent);
      s.execute("SELECT 1");
      s.execute("SELECT 2");
      c.commit();
      s.execute("SELECT 3");
    }
    assertThat(spans())
        .extracting(MockSpan::parentId)
        .containsExactly(
            idOf(statementParent), idOf(connectionParent), idOf(connectionParent), idOf(active));
  }
}
