package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.Span;
import io.opentracing.mock.MockSpan;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.dbcp2.DelegatingConnection;
import org.junit.jupiter.api.Test;

/** Marks used by several threads at once: each mark covers what it promises, exactly. */
class ConcurrentMarksTest extends MockTracing {

  /**
   * Thread 1 has read the connection's mark and is still asking the real driver whether the
   * connection is in auto-commit mode when thread 2 runs its statement: only one may take it.
   */
  @Test
  void anAutoCommitConnectionMarkIsTakenByExactlyOneOfTwoConcurrentStatements() throws Exception {
    CountDownLatch firstIsAskingForAutoCommit = new CountDownLatch(1);
    CountDownLatch secondHasRun = new CountDownLatch(1);
    AtomicReference<Thread> paused = new AtomicReference<>();
    Connection h2 = DriverManager.getConnection("jdbc:h2:mem:automark");
    Connection pausingProxy =
        new DelegatingConnection<>(h2) {
          @Override
          public boolean getAutoCommit() throws SQLException {
            if (Thread.currentThread() == paused.get()) {
              firstIsAskingForAutoCommit.countDown();
              await(secondHasRun);
            }
            return super.getAutoCommit();
          }
        };
    BasicDataSource source =
        new BasicDataSource() {
          @Override
          public Connection getConnection() {
            return pausingProxy;
          }
        };
    Span parent = tracer.buildSpan("request").start();
    try (Connection c = new TracingDataSource(source).getConnection()) {
      TracingDriver.setParentSpan(c, parent);
      Thread first = new Thread(() -> query(c, "SELECT 1"));
      paused.set(first);
      first.start();
      await(firstIsAskingForAutoCommit);
      query(c, "SELECT 2");
      secondHasRun.countDown();
      first.join(TimeUnit.SECONDS.toMillis(30));
    }

    assertThat(spans()).hasSize(2);
    assertThat(
            spans().stream()
                .filter(s -> s.parentId() == idOf(parent))
                .map(MockSpan::operationName)
                .collect(Collectors.toList()))
        .hasSize(1);
  }

  private static void query(Connection c, String sql) {
    try {
      c.createStatement().executeQuery(sql).close();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other thread got there").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
