package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentracing.mock.MockTracer;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.driver.TracingOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Parents: the registry's marks as OpenTelemetry spans, else the current span, else none. */
class ParentsTest extends InMemoryOpenTelemetry {

  @Test
  void anUnmarkedStatementIsAChildOfTheCurrentSpan() throws SQLException {
    Span request = startSpan("GET /users");
    try (Scope current = request.makeCurrent();
        Connection c = sqlite()) {
      c.createStatement().executeQuery("SELECT 1").close();
    } finally {
      request.end();
    }

    assertThat(isChildOf(span("SELECT"), request)).isTrue();
  }

  @Test
  void withoutACurrentSpanAStatementIsARootSpan() throws SQLException {
    try (Connection c = sqlite()) {
      c.createStatement().executeQuery("SELECT 1").close();
    }

    assertThat(span("SELECT").getParentSpanContext().isValid()).isFalse();
  }

  @Test
  void aStatementMarkParentsItsNextExecutionOnly() throws SQLException {
    Span request = startSpan("request");
    Span current = startSpan("current");
    try (Scope scope = current.makeCurrent();
        Connection c = sqlite();
        Statement s = c.createStatement()) {
      OpenTelemetryTracing.setParentSpan(s, request);
      s.executeQuery("SELECT 1").close();
      s.executeQuery("SELECT 2").close();
    }

    assertThat(spans()).hasSize(2);
    assertThat(isChildOf(spans().get(0), request)).isTrue();
    assertThat(isChildOf(spans().get(1), current)).isTrue();
  }

  @Test
  void aConnectionMarkParentsTheTransactionUntilCommit() throws SQLException {
    Span request = startSpan("POST /users");
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
      c.setAutoCommit(false);
      OpenTelemetryTracing.setParentSpan(c, request);
      s.executeUpdate("INSERT INTO users VALUES (1)");
      s.executeQuery("SELECT * FROM users").close();
      c.commit();
      s.executeQuery("SELECT id FROM users").close();
    }

    assertThat(names())
        .containsExactly(
            "CREATE TABLE users", "INSERT users", "SELECT users", "COMMIT", "SELECT users");
    assertThat(spans().subList(1, 4))
        .allSatisfy(span -> assertThat(isChildOf(span, request)).isTrue());
    assertThat(spans().get(4).getParentSpanContext().isValid()).isFalse();
  }

  @Test
  void aMarkWithAnOpenTracingSpanCountsAsNoParent() throws SQLException {
    Span current = startSpan("current");
    try (Scope scope = current.makeCurrent();
        Connection c = sqlite();
        Statement s = c.createStatement()) {
      TracingDriver.setParentSpan(s, new MockTracer().buildSpan("elsewhere").start());
      s.executeQuery("SELECT 1").close();
    }

    assertThat(isChildOf(span("SELECT"), current)).isTrue();
  }

  @Test
  void traceWithActiveSpanOnlyLooksForACurrentOpenTelemetrySpan() throws SQLException {
    OpenTelemetryTracing.init(
        openTelemetry, TracingOptions.builder().traceWithActiveSpanOnly(true).build());
    Span request = startSpan("request");
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1").close();
      try (Scope current = request.makeCurrent()) {
        s.executeQuery("SELECT 2").close();
      }
      OpenTelemetryTracing.setParentSpan(s, request);
      s.executeQuery("SELECT 3").close();
    }

    assertThat(spans())
        .hasSize(2)
        .allSatisfy(span -> assertThat(isChildOf(span, request)).isTrue());
    assertThat(spans())
        .extracting(span -> attributes(span).get("db.query.text"))
        .containsExactly("SELECT ?", "SELECT ?");
  }
}
