package io.tracejdbc.driver;

import io.opentracing.Span;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.opentracing.util.ThreadLocalScopeManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockTracer installed as tracejdbc's tracer for each test, and SQLite connections to trace. */
abstract class MockTracing {
  final MockTracer tracer = new MockTracer(new ThreadLocalScopeManager());

  @BeforeEach
  void installTracer() {
    TracingDriver.init(tracer);
  }

  @AfterEach
  void restoreDefaults() {
    TracingDriver.init(tracer, TracingOptions.defaults());
  }

  static Connection sqlite() throws SQLException {
    return DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
  }

  static Connection sqlite(String options) throws SQLException {
    return DriverManager.getConnection("jdbc:tracing:sqlite::memory:?" + options);
  }

  List<MockSpan> spans() {
    return tracer.finishedSpans();
  }

  List<String> operationNames() {
    return tracer.finishedSpans().stream()
        .map(MockSpan::operationName)
        .collect(Collectors.toList());
  }

  static long idOf(Span span) {
    return ((MockSpan) span).context().spanId();
  }
}
