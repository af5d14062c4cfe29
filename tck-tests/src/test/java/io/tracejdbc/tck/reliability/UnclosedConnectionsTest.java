package io.tracejdbc.tck.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.Span;
import io.opentracing.mock.MockTracer;
import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.TracingDriver;
import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry keeps its state in the wrappers, not in a global map: a connection that is marked or
 * registered and never closed is garbage once the application drops it, even while the parent span
 * lives on.
 */
class UnclosedConnectionsTest {
  private static final int GC_ATTEMPTS = 50;

  private final MockTracer tracer = new MockTracer();
  private final Span parent = tracer.buildSpan("request").start();

  @BeforeEach
  void installTracer() {
    TracingDriver.init(tracer);
  }

  @AfterEach
  void restoreGlobalTracer() {
    parent.finish();
    TracingDriver.init(GlobalTracer.get());
  }

  @Test
  void aConnectionMarkedInATransactionAndNeverClosedIsCollected() throws SQLException {
    assertCollectedAfterDropping(
        c -> {
          c.setAutoCommit(false);
          TracingDriver.setParentSpan(c, parent);
        });
  }

  @Test
  void aRegisteredConnectionNeverClosedIsCollected() throws SQLException {
    assertCollectedAfterDropping(TracingDriver::register);
  }

  @Test
  void aConnectionWithAMarkedStatementNeverClosedIsCollected() throws SQLException {
    assertCollectedAfterDropping(c -> TracingDriver.setParentSpan(c.createStatement(), parent));
  }

  /** What a test does with the connection before dropping it. */
  private interface Use {
    void accept(Connection c) throws SQLException;
  }

  private void assertCollectedAfterDropping(Use use) throws SQLException {
    WeakReference<Connection> dropped = openUseAndDrop(use);
    for (int attempt = 0; attempt < GC_ATTEMPTS && dropped.get() != null; attempt++) {
      System.gc();
    }
    assertThat(dropped.get()).as("collected within %d GCs", GC_ATTEMPTS).isNull();
  }

  private static WeakReference<Connection> openUseAndDrop(Use use) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
    use.accept(c);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    }
    return new WeakReference<>(c);
  }
}
