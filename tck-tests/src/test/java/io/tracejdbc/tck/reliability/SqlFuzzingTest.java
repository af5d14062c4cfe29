package io.tracejdbc.tck.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import io.opentracing.util.GlobalTracer;
import io.tracejdbc.driver.TracingDriver;
import io.tracejdbc.parser.SqlClassifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every prefix of a set of real statements, and seeded random token soup, run side by side on a
 * plain SQLite connection and a traced one with the same schema: the traced one succeeds exactly
 * when the plain one does, fails with the same exception (class, message, SQLState, error code),
 * and gives one finished span per statement, marked as an error exactly when it failed. The
 * classifier reads each text without throwing. (No PRAGMA: SQLite's are not traced.)
 */
@Timeout(120)
class SqlFuzzingTest {
  private static final long SEED = 11;
  private static final int RANDOM_STATEMENTS = 2_000;

  private static final List<String> STATEMENTS =
      List.of(
          "CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, note TEXT, total REAL)",
          "INSERT INTO orders (note, total) VALUES ('it''s \"quoted\" -- not a comment', 9.5e1)",
          "SELECT o.id, COUNT(*) AS n FROM orders o WHERE o.note LIKE '%x%' AND o.total IN (1, 2.5, -3)"
              + " GROUP BY o.id HAVING n > 0 ORDER BY 1 DESC LIMIT 10 OFFSET 2",
          "WITH t (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM t WHERE x < 3) SELECT * FROM t",
          "UPDATE orders SET note = X'00ff' /* block */ WHERE id = (SELECT MAX(id) FROM orders)",
          "DELETE FROM orders WHERE total BETWEEN 0 AND 1 -- trailing",
          "CREATE INDEX IF NOT EXISTS orders_note ON orders (note)",
          "SELECT CASE WHEN 1 = 1 THEN 'a' ELSE \"b\" END, `weird col`, [bracketed]");
  private static final String[] TOKENS = {
    "SELECT",
    "INSERT",
    "INTO",
    "VALUES",
    "UPDATE",
    "SET",
    "DELETE",
    "FROM",
    "WHERE",
    "(",
    ")",
    ",",
    "*",
    "=",
    "'",
    "''",
    "\"",
    "`",
    "[",
    "]",
    "--",
    "/*",
    "*/",
    ";",
    "orders",
    "id",
    "note",
    "1",
    "1e",
    "0x",
    "?",
    ":name",
    "$1",
    "$$",
    "é",
    "\uD83D\uDE00",
    "\uD800",
    "\n",
    "NULL",
    "AND",
    "OR",
    "JOIN",
    "WITH",
    "BEGIN",
    "COMMIT",
    "ROLLBACK",
    "SAVEPOINT",
    "X'",
    "{call",
    "}",
    "CREATE",
    "TABLE",
    "DROP",
    "INDEX",
    "\\",
  };

  private final MockTracer tracer = new MockTracer();

  @BeforeEach
  void installTracer() {
    TracingDriver.init(tracer);
  }

  @AfterEach
  void restoreGlobalTracer() {
    TracingDriver.init(GlobalTracer.get());
  }

  @Test
  void everyPrefixOfRealStatementsBehavesAsWithoutTracing() throws SQLException {
    List<String> texts = new ArrayList<>();
    for (String statement : STATEMENTS) {
      for (int end = 1; end <= statement.length(); end++) {
        texts.add(statement.substring(0, end));
      }
    }
    assertBehavesAsWithoutTracing(texts);
  }

  @Test
  void randomTokenSoupBehavesAsWithoutTracing() throws SQLException {
    Random random = new Random(SEED);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < RANDOM_STATEMENTS; i++) {
      StringBuilder text = new StringBuilder();
      int tokens = 1 + random.nextInt(12);
      for (int t = 0; t < tokens; t++) {
        text.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextBoolean() ? " " : "");
      }
      texts.add(text.toString());
    }
    assertBehavesAsWithoutTracing(texts);
  }

  private void assertBehavesAsWithoutTracing(List<String> texts) throws SQLException {
    int failures = 0;
    try (Connection plain = DriverManager.getConnection("jdbc:sqlite::memory:");
        Connection traced = DriverManager.getConnection("jdbc:tracing:sqlite::memory:");
        Statement p = plain.createStatement();
        Statement t = traced.createStatement()) {
      for (String text : texts) {
        SqlClassifier.classify(text);
        SQLException expected = outcome(p, text);
        SQLException actual = outcome(t, text);
        if (expected == null) {
          assertThat((Throwable) actual).as("traced outcome of [%s]", text).isNull();
        } else {
          failures++;
          assertThat((Throwable) actual)
              .as("traced outcome of [%s]", text)
              .isExactlyInstanceOf(expected.getClass())
              .hasMessage(expected.getMessage());
          assertThat(actual.getSQLState()).isEqualTo(expected.getSQLState());
          assertThat(actual.getErrorCode()).isEqualTo(expected.getErrorCode());
        }
      }
    }
    List<MockSpan> spans = tracer.finishedSpans();
    assertThat(spans).hasSize(texts.size());
    assertThat(spans)
        .filteredOn(span -> Boolean.TRUE.equals(span.tags().get("error")))
        .hasSize(failures);
  }

  /** Null when {@code text} runs, else what it throws. */
  private static SQLException outcome(Statement s, String text) {
    try {
      s.execute(text);
      return null;
    } catch (SQLException e) {
      return e;
    }
  }
}
