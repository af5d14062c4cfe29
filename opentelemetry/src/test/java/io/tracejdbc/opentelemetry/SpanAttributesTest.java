package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.tracejdbc.driver.internal.Telemetry;
import io.tracejdbc.driver.internal.url.DbInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Span names and attributes under the stable database conventions, on SQLite; a networked
 * database's through the spans of its URL's facts.
 */
class SpanAttributesTest extends InMemoryOpenTelemetry {

  @Test
  void aQueryIsAClientSpanNamedByItsSummaryWithExactlyTheConventionsAttributes()
      throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
      s.executeQuery("SELECT name\n FROM users WHERE id = 42 AND name = 'Bob'").close();
    }

    SpanData select = span("SELECT users");
    assertThat(select.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(select.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(select.getInstrumentationScopeInfo().getName()).isEqualTo("io.tracejdbc");
    assertThat(attributes(select))
        .containsOnly(
            entry("db.system.name", "sqlite"),
            entry("db.namespace", ":memory:"),
            entry("db.query.summary", "SELECT users"),
            entry("db.query.text", "SELECT name FROM users WHERE id = ? AND name = ?"));
  }

  @Test
  void noStatementSpanHasAnOperationOrCollectionNameParsedFromItsText() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
      s.executeUpdate("INSERT INTO users VALUES (1)");
      s.executeQuery("SELECT * FROM users").close();
      s.execute("DROP TABLE users");
    }

    assertThat(names())
        .containsExactly("CREATE TABLE users", "INSERT users", "SELECT users", "DROP TABLE users");
    assertThat(spans())
        .allSatisfy(
            span ->
                assertThat(attributes(span))
                    .doesNotContainKeys("db.operation.name", "db.collection.name"));
  }

  @Test
  void statementsThatWriteRowsCountThemAsTracejdbcRowsAffected() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
      s.executeUpdate("INSERT INTO users VALUES (1, 'a'), (2, 'b')");
      s.executeUpdate("UPDATE users SET name = 'c' WHERE id = 2");
      s.executeQuery("SELECT * FROM users").close();
    }

    assertThat(attributes(span("INSERT users"))).containsEntry("tracejdbc.rows_affected", 2L);
    assertThat(attributes(span("UPDATE users"))).containsEntry("tracejdbc.rows_affected", 1L);
    assertThat(attributes(span("SELECT users"))).doesNotContainKey("tracejdbc.rows_affected");
  }

  @Test
  void aBatchOfTwoOrMoreHasItsSizeAndIsSummarizedAsABatch() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO users VALUES (?)")) {
        for (int id = 1; id <= 3; id++) {
          insert.setInt(1, id);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }

    SpanData batch = span("BATCH INSERT users");
    assertThat(attributes(batch))
        .containsOnly(
            entry("db.system.name", "sqlite"),
            entry("db.namespace", ":memory:"),
            entry("db.query.summary", "BATCH INSERT users"),
            entry("db.query.text", "INSERT INTO users VALUES (?)"),
            entry("db.operation.batch.size", 3L),
            entry("tracejdbc.rows_affected", 3L));
  }

  @Test
  void aBatchOfOneIsASingleStatement() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
      s.addBatch("INSERT INTO users VALUES (1)");
      s.executeBatch();
    }

    assertThat(attributes(span("INSERT users")))
        .containsEntry("db.query.summary", "INSERT users")
        .doesNotContainKey("db.operation.batch.size");
  }

  @Test
  void anEmptyBatchIsABatchOfSizeZeroOnStatementsAndPreparedStatements() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
      s.executeBatch();
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO users VALUES (?)")) {
        insert.executeBatch();
      }
    }

    assertThat(names()).containsExactly("CREATE TABLE users", "BATCH", "BATCH INSERT users");
    assertThat(attributes(span("BATCH")))
        .containsOnly(
            entry("db.system.name", "sqlite"),
            entry("db.namespace", ":memory:"),
            entry("db.query.summary", "BATCH"),
            entry("db.operation.batch.size", 0L));
    assertThat(attributes(span("BATCH INSERT users")))
        .contains(
            entry("db.query.summary", "BATCH INSERT users"), entry("db.operation.batch.size", 0L));
  }

  @Test
  void aBatchOfStatementsWithDifferentSummariesIsBatch() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
      s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)");
      s.addBatch("INSERT INTO users VALUES (1)");
      s.addBatch("DELETE FROM users");
      s.executeBatch();
      s.addBatch("INSERT INTO users VALUES (2)");
      s.addBatch("INSERT INTO orders VALUES (2)");
      s.executeBatch();
      s.addBatch("INSERT INTO orders VALUES (3)");
      s.addBatch("INSERT INTO orders VALUES (4)");
      s.executeBatch();
    }

    assertThat(names())
        .containsExactly(
            "CREATE TABLE users", "CREATE TABLE orders", "BATCH", "BATCH", "BATCH INSERT orders");
    assertThat(attributes(spans().get(3)))
        .contains(
            entry("db.query.summary", "BATCH"),
            entry("db.operation.batch.size", 2L),
            entry("db.query.text", "INSERT INTO users VALUES (?); INSERT INTO orders VALUES (?)"));
  }

  @Test
  void textThatCannotBeReadHasNoSummaryAndIsNamedByItsNamespace() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("foo bar");
    } catch (SQLException expected) {
      // a span all the same
    }

    assertThat(attributes(span(":memory:")))
        .doesNotContainKeys("db.query.summary", "db.operation.name", "db.collection.name");
  }

  @Test
  void byDefaultAPreparedStatementsTextIsAsWrittenAndAStatementsIsSanitized() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, qty INTEGER)");
      try (PreparedStatement p =
          c.prepareStatement("SELECT * FROM users\n WHERE id = ? AND qty > 0")) {
        p.setInt(1, 1);
        p.executeQuery().close();
      }
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM users WHERE qty > 0")) {
        p.executeQuery().close();
      }
      s.executeQuery("SELECT * FROM users WHERE id = 1 AND qty > 0").close();
    }

    assertThat(spans())
        .extracting(span -> span.getAttributes().get(ClientSpans.DB_QUERY_TEXT))
        .containsExactly(
            "CREATE TABLE users (id INTEGER PRIMARY KEY, qty INTEGER)",
            "SELECT * FROM users WHERE id = ? AND qty > 0",
            "SELECT * FROM users WHERE qty > ?",
            "SELECT * FROM users WHERE id = ? AND qty > ?");
  }

  @Test
  void statementTextSanitizedSanitizesPreparedTextToo() throws SQLException {
    try (Connection c = sqlite("statementText=sanitized")) {
      c.createStatement().execute("CREATE TABLE users (id INTEGER PRIMARY KEY, qty INTEGER)");
      try (PreparedStatement p =
          c.prepareStatement("SELECT * FROM users WHERE id = ? AND qty > 0")) {
        p.setInt(1, 1);
        p.executeQuery().close();
      }
    }

    assertThat(attributes(span("SELECT users")))
        .containsEntry("db.query.text", "SELECT * FROM users WHERE id = ? AND qty > ?");
  }

  @Test
  void statementTextDecidesDbQueryText() throws SQLException {
    try (Connection none = sqlite("statementText=none");
        Connection raw = sqlite("statementText=raw")) {
      none.createStatement().executeQuery("SELECT 1").close();
      raw.createStatement().executeQuery("SELECT\n  'Bob'").close();
    }

    assertThat(spans()).hasSize(2);
    assertThat(attributes(spans().get(0))).doesNotContainKey("db.query.text");
    assertThat(attributes(spans().get(1))).containsEntry("db.query.text", "SELECT 'Bob'");
  }

  @Test
  void transactionsAndSavepointsAreClientSpansNamedByTheirJdbcCall() throws SQLException {
    try (Connection c = sqlite()) {
      c.setAutoCommit(false);
      Savepoint savepoint = c.setSavepoint("sp");
      c.releaseSavepoint(savepoint);
      c.setSavepoint("again");
      c.rollback();
      c.commit();
    }

    assertThat(names())
        .containsExactly("SAVEPOINT", "RELEASE SAVEPOINT", "SAVEPOINT", "ROLLBACK", "COMMIT");
    assertThat(spans()).allSatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT));
    assertThat(attributes(span("COMMIT")))
        .containsOnly(
            entry("db.system.name", "sqlite"),
            entry("db.namespace", ":memory:"),
            entry("db.operation.name", "COMMIT"),
            entry("db.query.summary", "COMMIT"));
    assertThat(attributes(span("RELEASE SAVEPOINT")))
        .containsEntry("db.operation.name", "RELEASE SAVEPOINT");
  }

  @Test
  void aNetworkedDatabaseHasItsServerAddressAndPort() {
    ClientSpans spans = new ClientSpans(openTelemetry);
    DbInfo db = DbInfo.parse("jdbc:postgresql://db.example:6432/shop?user=app", null);

    spans.finish(
        spans.start(
            null,
            db,
            "select",
            "users",
            "SELECT users",
            null,
            "SELECT * FROM users",
            Telemetry.NOT_A_BATCH),
        false);

    assertThat(attributes(span("SELECT users")))
        .containsOnly(
            entry("db.system.name", "postgresql"),
            entry("db.namespace", "shop|app"),
            entry("db.query.summary", "SELECT users"),
            entry("db.query.text", "SELECT * FROM users"),
            entry("server.address", "db.example"),
            entry("server.port", 6432L));
  }

  @Test
  void aStoredProcedureCallHasItsName() {
    ClientSpans spans = new ClientSpans(openTelemetry);
    DbInfo db = DbInfo.parse("jdbc:mariadb://db.example/shop", null);

    spans.finish(
        spans.start(
            null,
            db,
            "call",
            null,
            "CALL refresh_stats",
            "refresh_stats",
            "CALL refresh_stats(?)",
            Telemetry.NOT_A_BATCH),
        false);

    assertThat(attributes(span("CALL refresh_stats")))
        .contains(
            entry("db.stored_procedure.name", "refresh_stats"),
            entry("db.query.summary", "CALL refresh_stats"))
        .doesNotContainKey("db.operation.name");
  }

  @Test
  void aSlowCallIsMarkedTracejdbcSlow() {
    ClientSpans spans = new ClientSpans(openTelemetry);
    DbInfo db = DbInfo.parse("jdbc:h2:mem:shop", null);

    ClientSpans.Call slow =
        spans.start(null, db, "select", null, "SELECT", null, "SELECT ?", Telemetry.NOT_A_BATCH);
    spans.finish(slow, true);
    spans.finish(spans.startCall(null, db, "commit"), false);

    assertThat(attributes(span("SELECT")))
        .containsEntry("db.system.name", "h2database")
        .containsEntry("tracejdbc.slow", true);
    assertThat(attributes(span("COMMIT"))).doesNotContainKey("tracejdbc.slow");
  }
}
