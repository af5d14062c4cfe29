package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentracing.mock.MockSpan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a span is named and tagged with: the operation, the database, the statement and its first
 * table, on SQLite.
 */
class SpanNamesAndTagsTest extends MockTracing {

  @Test
  void aSpanCarriesTheDatabaseTheStatementAndWhatItTouched() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
      tracer.reset();
      s.executeUpdate("INSERT INTO users   VALUES (1, 'John')");
    }
    MockSpan span = spans().get(0);
    assertThat(span.tags())
        .containsAllEntriesOf(
            Map.of(
                "span.kind", "client",
                "component", "tracejdbc",
                "db.type", "sql",
                "db.system", "sqlite",
                "db.instance", ":memory:",
                "db.operation", "insert",
                "db.sql.table", "users",
                "db.statement", "INSERT INTO users VALUES (?, ?)",
                "db.rows_affected", 1L));
    assertThat(span.tags()).doesNotContainKeys("error", "peer.hostname", "peer.port");
    assertThat(span.parentId()).isZero();
  }

  @Test
  void textTheParserCannotReadIsATextclause() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("FROBNICATE the database"))
          .isInstanceOf(SQLException.class);
    }
    assertThat(spans())
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.operationName()).isEqualTo("textclause");
              assertThat(span.tags()).containsEntry("error", true);
            });
  }

  @Test
  void aPreparedStatementIsClassifiedOnceAndTracedOnEveryExecution() throws SQLException {
    try (Connection c = sqlite();
        PreparedStatement select = c.prepareStatement("SELECT ? + 1")) {
      for (int i = 0; i < 3; i++) {
        select.setInt(1, i);
        select.executeQuery().close();
      }
    }
    assertThat(operationNames()).containsExactly("select", "select", "select");
  }
}
