package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentracing.mock.MockSpan;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * db.rows_affected: the rows a DML statement wrote, however it was run ({@code execute}, a batch
 * that partly failed); never a count of 0 for DDL.
 */
class RowsAffectedTest extends MockTracing {

  @Test
  void executeOfAnUpdateTagsTheRowsFromTheUpdateCount() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)");
      s.executeUpdate("INSERT INTO t VALUES (1, 0), (2, 0), (3, 0)");
      tracer.reset();
      assertThat(s.execute("UPDATE t SET x = 1 WHERE id < 3")).isFalse();
      try (PreparedStatement p = c.prepareStatement("DELETE FROM t WHERE id = ?")) {
        p.setInt(1, 3);
        assertThat(p.execute()).isFalse();
      }
      assertThat(s.execute("SELECT * FROM t")).isTrue();
    }
    assertThat(rowsByOperation())
        .containsEntry("update", 2L)
        .containsEntry("delete", 1L)
        .containsEntry("select", null);
  }

  @Test
  void aPartlyFailedBatchTagsTheRowsItWrote() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:tracing:h2:mem:partial");
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE t (id INT PRIMARY KEY)");
      s.executeUpdate("INSERT INTO t VALUES (3)");
      tracer.reset();
      try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?)")) {
        for (int id = 1; id <= 4; id++) {
          p.setInt(1, id);
          p.addBatch();
        }
        assertThatThrownBy(p::executeBatch)
            .isInstanceOfSatisfying(
                BatchUpdateException.class,
                e ->
                    assertThat(e.getUpdateCounts())
                        .containsExactly(1, 1, Statement.EXECUTE_FAILED, 1));
      }
      s.addBatch("INSERT INTO t VALUES (5)");
      s.addBatch("INSERT INTO t VALUES (5)");
      assertThatThrownBy(s::executeLargeBatch).isInstanceOf(BatchUpdateException.class);
    }
    assertThat(spans())
        .extracting(span -> span.tags().get("db.rows_affected"))
        .containsExactly(3L, 1L);
    assertThat(spans()).allSatisfy(span -> assertThat(span.tags()).containsEntry("error", true));
  }

  @Test
  void ddlHasNoRowCount() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("CREATE TABLE t (id INTEGER)")).isZero();
      s.execute("CREATE INDEX t_id ON t (id)");
      s.executeUpdate("DROP TABLE t");
    }
    assertThat(spans())
        .hasSize(3)
        .allSatisfy(span -> assertThat(span.tags()).doesNotContainKey("db.rows_affected"));
  }

  private Map<String, Object> rowsByOperation() {
    Map<String, Object> rows = new HashMap<>();
    for (MockSpan span : spans()) {
      rows.put(span.operationName(), span.tags().get("db.rows_affected"));
    }
    return rows;
  }
}
