package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.mock.MockSpan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A batch is one span: its size, its rows, and a name and statement text from its statements. */
class BatchSpansTest extends MockTracing {

  @Test
  void aBatchIsOneSpanWithItsSize() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
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
    assertThat(spans())
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.operationName()).isEqualTo("insert");
              assertThat(span.tags())
                  .containsEntry("db.batch.size", 100)
                  .containsEntry("db.rows_affected", 100L)
                  .containsEntry("db.sql.table", "t");
            });
  }

  @Test
  void anEmptyBatchIsABatchOfSizeZeroOnStatementsAndPreparedStatements() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
      tracer.reset();
      assertThat(s.executeBatch()).isEmpty();
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
        assertThat(insert.executeBatch()).isEmpty();
      }
    }
    assertThat(spans()).extracting(MockSpan::operationName).containsExactly("batch", "insert");
    assertThat(spans().get(0).tags())
        .containsEntry("db.batch.size", 0)
        .doesNotContainKeys("db.statement", "db.sql.table");
    assertThat(spans().get(1).tags())
        .containsEntry("db.batch.size", 0)
        .containsEntry("db.statement", "INSERT INTO t VALUES (?)");
  }

  @Test
  void aBatchOfOneHasItsSize() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
      tracer.reset();
      s.addBatch("INSERT INTO t VALUES (1)");
      s.executeBatch();
    }
    assertThat(spans())
        .singleElement()
        .satisfies(span -> assertThat(span.tags()).containsEntry("db.batch.size", 1));
  }

  @Test
  void aBatchOfMixedStatementsIsNamedBatch() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
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
    assertThat(spans().get(0).tags())
        .containsEntry("db.batch.size", 2)
        .containsEntry("db.statement", "INSERT INTO t VALUES (?)");
    assertThat(spans().get(1).tags())
        .containsEntry("db.batch.size", 2)
        .containsEntry("db.statement", "INSERT INTO t VALUES (?); UPDATE t SET x = ? WHERE x = ?");
  }

  @Test
  void aBatchNamesTheTableOnlyWhenEveryStatementTouchesItFirst() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
      s.execute("CREATE TABLE u (x INTEGER)");
      tracer.reset();
      s.addBatch("INSERT INTO t VALUES (1)");
      s.addBatch("INSERT INTO t VALUES (2)");
      s.executeBatch();
      s.addBatch("INSERT INTO t VALUES (3)");
      s.addBatch("INSERT INTO u VALUES (3)");
      s.executeBatch();
    }
    assertThat(spans()).extracting(MockSpan::operationName).containsExactly("insert", "insert");
    assertThat(spans().get(0).tags()).containsEntry("db.sql.table", "t");
    assertThat(spans().get(1).tags()).doesNotContainKey("db.sql.table");
  }

  @Test
  void aBatchOfManyDifferentStatementsListsOnlyTheFirstFew() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      for (int i = 0; i < 25; i++) {
        s.addBatch("CREATE TABLE t" + i + " (x INTEGER)");
      }
      s.executeBatch();
    }
    assertThat(spans())
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.operationName()).isEqualTo("create-table");
              assertThat(span.tags()).containsEntry("db.batch.size", 25);
              assertThat(((String) span.tags().get("db.statement")).split("; "))
                  .hasSize(TracingStatement.BATCH_STATEMENT_TEXTS)
                  .startsWith("CREATE TABLE t0 (x INTEGER)");
            });
  }
}
