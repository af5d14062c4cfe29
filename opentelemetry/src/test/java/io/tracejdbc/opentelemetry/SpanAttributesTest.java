package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
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
            entry("db.operation.name", "SELECT"),
            entry("db.collection.name", "users"),
            entry("db.query.summary", "SELECT users"),
            entry("db.query.text", "SELECT name FROM users WHERE id = ? AND name = ?"));
  }

  @Test
  void ddlIsNamedByItsKindAndTable() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
      s.execute("CREATE INDEX users_id ON users (id)");
      s.execute("DROP TABLE users");
    }

    assertThat(names())
        .containsExactly("CREATE TABLE users", "CREATE INDEX users", "DROP TABLE users");
    assertThat(attributes(span("CREATE TABLE users")))
        .contains(entry("db.operation.name", "CREATE TABLE"), entry("db.collection.name", "users"))
        .doesNotContainKey("tracejdbc.rows_affected");
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
            entry("db.operation.name", "BATCH INSERT"),
            entry("db.collection.name", "users"),
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
        .containsEntry("db.operation.name", "INSERT")
        .doesNotContainKey("db.operation.batch.size");
  }

  @Test
  void aBatchOfMixedKindsOrTablesSummarizesWhatItsStatementsShare() throws SQLException {
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
    }

    assertThat(attributes(span("BATCH")))
        .contains(entry("db.operation.name", "BATCH"), entry("db.operation.batch.size", 2L))
        .doesNotContainKey("db.collection.name");
    assertThat(attributes(span("BATCH INSERT")))
        .contains(
            entry("db.operation.name", "BATCH INSERT"),
            entry("db.query.text", "INSERT INTO users VALUES (?); INSERT INTO orders VALUES (?)"))
        .doesNotContainKey("db.collection.name");
  }

  @Test
  void textThatCannotBeReadIsNamedByTheDatabaseSystemWithoutAnOperation() throws SQLException {
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      s.execute("foo bar");
    } catch (SQLException expected) {
      // a span all the same
    }

    assertThat(attributes(span("sqlite")))
        .containsEntry("db.query.summary", "sqlite")
        .doesNotContainKeys("db.operation.name", "db.collection.name");
  }

  @Test
  void statementTextDecidesDbQueryText() throws SQLException {
    try (Connection none = sqlite("statementText=none");
        Connection raw = sqlite("statementText=raw")) {
      none.createStatement().executeQuery("SELECT 1").close();
      raw.createStatement().executeQuery("SELECT\n  'Bob'").close();
    }

    assertThat(spans()).extracting(SpanData::getName).containsExactly("SELECT", "SELECT");
    assertThat(attributes(spans().get(0))).doesNotContainKey("db.query.text");
    assertThat(attributes(spans().get(1))).containsEntry("db.query.text", "SELECT 'Bob'");
  }

  @Test
  void transactionsAndSavepointsAreClientSpansOfTheirOwn() throws SQLException {
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
  }

  @Test
  void aNetworkedDatabaseHasItsServerAddressAndPort() {
    ClientSpans spans = new ClientSpans(openTelemetry);
    DbInfo db = DbInfo.parse("jdbc:postgresql://db.example:6432/shop?user=app", null);

    spans.finish(spans.start(null, db, "select", "users", "SELECT * FROM users", 0), false);

    assertThat(attributes(span("SELECT users")))
        .containsOnly(
            entry("db.system.name", "postgresql"),
            entry("db.namespace", "shop|app"),
            entry("db.operation.name", "SELECT"),
            entry("db.collection.name", "users"),
            entry("db.query.summary", "SELECT users"),
            entry("db.query.text", "SELECT * FROM users"),
            entry("server.address", "db.example"),
            entry("server.port", 6432L));
  }

  @Test
  void aSlowCallIsMarkedTracejdbcSlow() {
    ClientSpans spans = new ClientSpans(openTelemetry);
    DbInfo db = DbInfo.parse("jdbc:h2:mem:shop", null);

    Span slow = spans.start(null, db, "select", null, "SELECT ?", 0);
    spans.finish(slow, true);
    spans.finish(spans.start(null, db, "commit", null, null, 0), false);

    assertThat(attributes(span("SELECT")))
        .containsEntry("db.system.name", "h2database")
        .containsEntry("tracejdbc.slow", true);
    assertThat(attributes(span("COMMIT"))).doesNotContainKey("tracejdbc.slow");
  }
}
