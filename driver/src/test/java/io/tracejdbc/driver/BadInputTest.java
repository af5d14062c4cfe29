package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentracing.Span;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear error that says what was wrong and what is accepted. */
class BadInputTest extends MockTracing {

  @Test
  void aForeignObjectIsRejectedNamingItsClass() throws SQLException {
    Span span = tracer.buildSpan("request").start();
    assertThatThrownBy(() -> TracingDriver.setParentSpan("SELECT 1", span))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      assertThatThrownBy(() -> TracingDriver.setTraced(raw))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(raw.getClass().getName());
      assertThatThrownBy(() -> TracingDriver.register(raw))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(raw.getClass().getName());
      Statement rawStatement = raw.createStatement();
      assertThatThrownBy(() -> TracingDriver.clearTraced(rawStatement))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(rawStatement.getClass().getName());
    }
  }

  @Test
  void nullArgumentsAreNamed() throws SQLException {
    try (Connection c = sqlite()) {
      assertThatThrownBy(() -> TracingDriver.setParentSpan(c, null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("parent");
      assertThatThrownBy(() -> TracingDriver.setParentSpan(null, tracer.buildSpan("x").start()))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("target");
      assertThatThrownBy(() -> TracingDriver.setTraced(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("target");
      assertThatThrownBy(() -> TracingDriver.register(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("target");
      assertThatThrownBy(() -> TracingDriver.init(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("tracer");
    }
  }

  @Test
  void clearingAnUnmarkedObjectAndMarkingTwiceAreHarmless() throws SQLException {
    Span first = tracer.buildSpan("first").start();
    Span second = tracer.buildSpan("second").start();
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      TracingDriver.clearTraced(s);
      TracingDriver.clearTraced(c);
      TracingDriver.setParentSpan(s, first);
      TracingDriver.setParentSpan(s, second);
      s.execute("SELECT 1");
    }
    assertThat(spans())
        .singleElement()
        .satisfies(span -> assertThat(span.parentId()).isEqualTo(idOf(second)));
  }

  @Test
  void aClosedConnectionCanStillBeMarkedAndCleared() throws SQLException {
    Connection c = sqlite();
    c.close();
    TracingDriver.setTraced(c);
    TracingDriver.clearTraced(c);
    assertThat(c.isClosed()).isTrue();
  }

  @Test
  void theDriverAcceptsOnlyTracingUrlsAndLeavesOthersToTheirDrivers() throws SQLException {
    Driver driver = new TracingDriver();
    assertThat(driver.acceptsURL("jdbc:tracing:sqlite::memory:")).isTrue();
    assertThat(driver.acceptsURL("jdbc:sqlite::memory:")).isFalse();
    assertThat(driver.acceptsURL(null)).isFalse();
    assertThat(driver.connect("jdbc:sqlite::memory:", new Properties())).isNull();
    assertThat(DriverManager.getDriver("jdbc:tracing:sqlite::memory:"))
        .isInstanceOf(TracingDriver.class);
  }

  @Test
  void aTracingUrlWithoutARealUrlSaysHowToWriteOne() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:tracing:"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("jdbc:tracing:<subprotocol>:");
  }

  @Test
  void aUrlNoDriverAcceptsIsNamedWithoutItsPassword() {
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(
                    "jdbc:tracing:nosuchdb://u:hunter2@host/db?password=hunter2&traceAllQueries=false"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("nosuchdb://")
        .hasMessageNotContaining("hunter2");
  }
}
