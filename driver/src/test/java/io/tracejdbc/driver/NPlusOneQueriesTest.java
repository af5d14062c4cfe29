package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.mock.MockSpan;
import io.opentracing.noop.NoopTracerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * N+1 queries through OpenTracing on SQLite: the option, where the count runs (marks, the active
 * span), what is not counted, and the warning in the log.
 */
class NPlusOneQueriesTest extends MockTracing {

  /** {@code tracejdbc.n_plus_one.count} of each finished select, 0 when not flagged. */
  private List<Integer> flags() {
    return spans().stream()
        .filter(span -> span.operationName().equals("select"))
        .map(span -> (Integer) span.tags().getOrDefault("tracejdbc.n_plus_one.count", 0))
        .collect(Collectors.toList());
  }

  private static void selectTimes(Connection c, int times) throws SQLException {
    for (int i = 0; i < times; i++) {
      try (PreparedStatement select = c.prepareStatement("SELECT ? + 1")) {
        select.setInt(1, i);
        select.executeQuery().close();
      }
    }
  }

  @Test
  void theThresholdIsFiveByDefaultAndAUrlParameterSetsIt() throws SQLException {
    assertThat(TracingOptions.defaults().nPlusOneThreshold()).isEqualTo(5);
    Span request = tracer.buildSpan("request").start();
    try (Scope current = tracer.activateSpan(request);
        Connection c = sqlite("nPlusOneThreshold=3")) {
      selectTimes(c, 4);
    }
    request.finish();

    assertThat(flags()).containsExactly(0, 0, 3, 4);
    assertThat(spans().get(3).tags()).containsEntry("tracejdbc.n_plus_one", true);
  }

  @Test
  void theThresholdComesFromTheBuilderAndFromProperties() {
    Properties properties = new Properties();
    properties.setProperty("nPlusOneThreshold", "12");
    assertThat(TracingOptions.fromProperties(properties).nPlusOneThreshold()).isEqualTo(12);
    assertThat(TracingOptions.builder().nPlusOneThreshold(0).build().nPlusOneThreshold()).isZero();
    assertThat(TracingOptions.defaults().toString()).contains("nPlusOneThreshold=5");
  }

  @Test
  void aBadThresholdNamesTheOptionAndWhatItTakes() {
    assertThatThrownBy(() -> sqlite("nPlusOneThreshold=many"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("nPlusOneThreshold")
        .hasMessageContaining("a whole number of executions, 0 (off) or more");
    assertThatThrownBy(() -> TracingOptions.builder().nPlusOneThreshold(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nPlusOneThreshold");
  }

  @Test
  void statementMarksWithOneParentAddUpToARun() throws SQLException {
    Span request = tracer.buildSpan("request").start();
    try (Connection c = sqlite()) {
      for (int i = 0; i < 6; i++) {
        try (PreparedStatement select = c.prepareStatement("SELECT ? + 2")) {
          TracingDriver.setParentSpan(select, request);
          select.setInt(1, i);
          select.executeQuery().close();
        }
      }
    }
    request.finish();

    assertThat(flags()).containsExactly(0, 0, 0, 0, 5, 6);
    assertThat(((MockSpan) request).logEntries()).hasSize(1);
  }

  @Test
  void statementsThatDifferOnlyInLiteralsAreOneShape() throws SQLException {
    Span request = tracer.buildSpan("request").start();
    try (Scope current = tracer.activateSpan(request);
        Connection c = sqlite();
        Statement s = c.createStatement()) {
      for (int i = 0; i < 5; i++) {
        s.executeQuery("SELECT " + i + " + 3").close();
      }
    }
    request.finish();

    assertThat(flags()).containsExactly(0, 0, 0, 0, 5);
  }

  @Test
  void commitsAndStatementBatchesAreNotCounted() throws SQLException {
    Span request = tracer.buildSpan("request").start();
    try (Scope current = tracer.activateSpan(request);
        Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
      c.setAutoCommit(false);
      for (int i = 0; i < 6; i++) {
        s.addBatch("INSERT INTO t VALUES (" + i + ")");
        s.executeBatch();
        c.commit();
      }
    }
    request.finish();

    assertThat(spans()).noneMatch(span -> span.tags().containsKey("tracejdbc.n_plus_one"));
  }

  @Test
  void aNoopTracersPlaceholderSpanIsNoParent() throws SQLException {
    TracingDriver.init(NoopTracerFactory.create());
    try (LogCapture log = new LogCapture();
        Connection c = sqlite()) {
      selectTimes(c, 10);
      assertThat(log.at(Level.WARNING)).isEmpty();
    }
  }

  @Test
  void theLogWarnsOncePerStatementNamingItAndHowToTurnItOff() throws SQLException {
    try (LogCapture log = new LogCapture();
        Connection c = sqlite()) {
      for (String name : List.of("first", "second")) {
        Span request = tracer.buildSpan(name).start();
        try (Scope current = tracer.activateSpan(request)) {
          for (int i = 0; i < 6; i++) {
            try (PreparedStatement select =
                c.prepareStatement("SELECT ? FROM sqlite_master WHERE 1 = 0")) {
              select.setInt(1, i);
              select.executeQuery().close();
            }
          }
        }
        request.finish();
      }

      assertThat(log.at(Level.WARNING))
          .singleElement()
          .satisfies(
              warning ->
                  assertThat(warning)
                      .startsWith(
                          "N+1 query: SELECT sqlite_master"
                              + " (SELECT ? FROM sqlite_master WHERE ? = ?) ran 5 times")
                      .contains("nPlusOneThreshold=0 turns N+1 detection off"));
    }
    assertThat(flags()).containsExactly(0, 0, 0, 0, 5, 6, 0, 0, 0, 0, 5, 6);
  }
}
