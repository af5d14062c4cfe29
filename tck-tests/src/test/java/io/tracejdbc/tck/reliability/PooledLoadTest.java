package io.tracejdbc.tck.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opentracing.Scope;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.TracingDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 16 threads run 2,000 statements each through a HikariCP pool of 4 connections, each thread under
 * its own parent span, in four shapes that take turns: a transaction marked on the connection and
 * committed; the same returned to the pool uncommitted (the pool rolls it back); statements marked
 * one by one; statements under the thread's active span. Every statement gives exactly one span,
 * under its own thread's parent: a mark that reached the next borrower of a connection would put a
 * span under another thread's parent. A deadlock fails on the timeout.
 */
@Timeout(120)
class PooledLoadTest {
  private static final int THREADS = 16;
  private static final int STATEMENTS_PER_THREAD = 2_000;
  private static final int STATEMENTS_PER_TURN = 4;

  private final MockTracer tracer = new MockTracer();

  @AfterEach
  void restoreGlobalTracer() {
    TracingDriver.init(GlobalTracer.get());
  }

  @Test
  void sqliteFile(@TempDir Path dir) throws Exception {
    run("jdbc:tracing:sqlite:" + dir.resolve("load.db") + "?traceTransactions=false");
  }

  @Test
  void postgresql() throws Exception {
    Postgres.assumeReachable();
    run(Postgres.TRACING_URL + "&traceTransactions=false");
  }

  private void run(String url) throws Exception {
    TracingDriver.init(tracer);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    config.setPoolName("reliability-load");
    Map<Long, Throwable> failures = new ConcurrentHashMap<>();
    List<MockSpan> parents = new ArrayList<>();
    try (HikariDataSource pool = new HikariDataSource(config)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        MockSpan parent = tracer.buildSpan("request-" + t).start();
        parents.add(parent);
        Thread thread =
            new Thread(
                () -> {
                  try {
                    start.await();
                    for (int turn = 0; turn < STATEMENTS_PER_THREAD / STATEMENTS_PER_TURN; turn++) {
                      runTurn(pool, parent, turn % 4);
                    }
                  } catch (Throwable e) {
                    failures.put(parent.context().spanId(), e);
                  }
                },
                "load-" + t);
        threads.add(thread);
        thread.start();
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
    }

    assertThat(failures).isEmpty();
    List<MockSpan> spans = tracer.finishedSpans();
    assertThat(spans).hasSize(THREADS * STATEMENTS_PER_THREAD);
    Map<Long, Long> spansPerParent =
        spans.stream().collect(Collectors.groupingBy(MockSpan::parentId, Collectors.counting()));
    Map<Long, Long> expected =
        parents.stream()
            .collect(
                Collectors.toMap(
                    parent -> parent.context().spanId(), parent -> (long) STATEMENTS_PER_THREAD));
    assertThat(spansPerParent).isEqualTo(expected);
    Map<Long, MockSpan> parentById =
        parents.stream().collect(Collectors.toMap(p -> p.context().spanId(), Function.identity()));
    assertThat(spans)
        .allSatisfy(
            span ->
                assertThat(span.tags().get("db.statement"))
                    .as("a span's statement names its own thread's parent")
                    .isEqualTo(
                        "SELECT ? AS "
                            + parentById.get(span.parentId()).operationName().replace('-', '_')));
  }

  /** Four statements in one of the four shapes; each selects its thread's parent's name. */
  private void runTurn(HikariDataSource pool, MockSpan parent, int shape) throws SQLException {
    String sql = "SELECT ? AS " + parent.operationName().replace('-', '_');
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      switch (shape) {
        case 0, 1 -> {
          c.setAutoCommit(false);
          TracingDriver.setParentSpan(c, parent);
          for (int i = 0; i < STATEMENTS_PER_TURN; i++) {
            query(p, i);
          }
          if (shape == 0) {
            c.commit();
          }
        }
        case 2 -> {
          for (int i = 0; i < STATEMENTS_PER_TURN; i++) {
            TracingDriver.setParentSpan(p, parent);
            query(p, i);
          }
        }
        default -> {
          try (Scope active = tracer.activateSpan(parent)) {
            for (int i = 0; i < STATEMENTS_PER_TURN; i++) {
              query(p, i);
            }
          }
        }
      }
    }
  }

  private static void query(PreparedStatement p, int value) throws SQLException {
    p.setInt(1, value);
    try (ResultSet rows = p.executeQuery()) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(value);
    }
  }
}
