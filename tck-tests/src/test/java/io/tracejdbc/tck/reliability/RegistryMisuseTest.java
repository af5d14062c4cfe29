package io.tracejdbc.tck.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.TracingDriver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registry calls on the wrong objects at the wrong time (beyond the driver's BadInputTest): each
 * gets a clear error or is a no-op, and leaves no state behind that a later statement could see.
 */
class RegistryMisuseTest {
  private final MockTracer tracer = new MockTracer();
  private final MockSpan parent = tracer.buildSpan("request").start();

  @BeforeEach
  void installTracer() {
    TracingDriver.init(tracer);
  }

  @AfterEach
  void restoreGlobalTracer() {
    TracingDriver.init(GlobalTracer.get());
  }

  @Test
  void aPoolConnectionMarkedAfterItWasReturnedIsRejectedAndTheNextBorrowerIsUnmarked()
      throws SQLException {
    try (HikariDataSource pool = pool("jdbc:tracing:sqlite::memory:")) {
      Connection returned = pool.getConnection();
      returned.close();

      assertThatThrownBy(() -> TracingDriver.setParentSpan(returned, parent))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(returned.getClass().getName());
      try (Connection next = pool.getConnection();
          Statement s = next.createStatement()) {
        s.execute("SELECT 1");
      }
    }

    assertThat(tracer.finishedSpans())
        .singleElement()
        .satisfies(span -> assertThat(span.parentId()).isZero());
  }

  @Test
  void aPoolConnectionOfAnotherDriverIsRejectedNamingItsClass() throws SQLException {
    try (HikariDataSource pool = pool("jdbc:sqlite::memory:");
        Connection c = pool.getConnection()) {
      assertThatThrownBy(() -> TracingDriver.setParentSpan(c, parent))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(c.getClass().getName());
      assertThatThrownBy(() -> TracingDriver.register(c))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(c.getClass().getName());
    }
  }

  @Test
  void markingAClosedStatementIsANoOpForTheOtherStatementsOfItsConnection() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
        Statement other = c.createStatement()) {
      Statement closed = c.createStatement();
      closed.close();

      TracingDriver.setParentSpan(closed, parent);
      TracingDriver.clearTraced(closed);
      TracingDriver.setParentSpan(closed, parent);
      other.execute("SELECT 1");
    }

    assertThat(tracer.finishedSpans())
        .singleElement()
        .satisfies(span -> assertThat(span.parentId()).isZero());
  }

  @Test
  void registeringTwiceAndUnregisteringTwiceLeaveOneSwitch() throws SQLException {
    TracingDriver.init(tracer, false, true);
    try (Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
        Statement s = c.createStatement()) {
      TracingDriver.unregister(c);
      TracingDriver.register(c);
      TracingDriver.register(c);
      s.execute("SELECT 1");
      TracingDriver.unregister(c);
      s.execute("SELECT 2");
      TracingDriver.unregister(c);
      s.execute("SELECT 3");
    }

    assertThat(tracer.finishedSpans())
        .singleElement()
        .satisfies(span -> assertThat(span.tags()).containsEntry("db.statement", "SELECT ?"));
  }

  @Test
  void aClosedConnectionCanBeRegisteredWithoutEffect() throws SQLException {
    TracingDriver.init(tracer, false, true);
    Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
    c.close();

    TracingDriver.register(c);
    TracingDriver.setParentSpan(c, parent);

    assertThat(c.isClosed()).isTrue();
    assertThat(tracer.finishedSpans()).isEmpty();
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(1);
    config.setPoolName("reliability-registry");
    return new HikariDataSource(config);
  }
}
