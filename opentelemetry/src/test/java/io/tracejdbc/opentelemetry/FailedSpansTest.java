package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A failed call: status ERROR, error.type, db.response.status_code and an exception event that
 * holds no data unless statements are shown raw.
 */
class FailedSpansTest extends InMemoryOpenTelemetry {
  /** SQLite's message quotes the token it cannot read: here, a value. */
  private static final String BAD_SQL = "SELECT 'secret";

  @Test
  void aFailedStatementHasErrorStatusTypeAndTheDatabasesCode() throws SQLException {
    SQLException thrown = failOn(sqlite());

    SpanData select = onlySpan();
    assertThat(thrown.getErrorCode()).isEqualTo(1);
    assertThat(select.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attributes(select))
        .contains(entry("error.type", "1"), entry("db.response.status_code", "1"));
  }

  @Test
  void byDefaultTheMessageIsRedactedAndTheStackTraceHasNoMessages() throws SQLException {
    SQLException thrown = failOn(sqlite());

    SpanData select = onlySpan();
    assertThat(thrown.getMessage()).contains("secret");
    String redacted = "[SQLITE_ERROR] SQL error or missing database (unrecognized token: ?)";
    assertThat(select.getStatus().getDescription()).isEqualTo(redacted);
    Attributes event = exceptionEvent(select);
    assertThat(event.get(Failures.EXCEPTION_TYPE)).isEqualTo(thrown.getClass().getName());
    assertThat(event.get(Failures.EXCEPTION_MESSAGE)).isEqualTo(redacted);
    assertThat(event.get(Failures.EXCEPTION_STACKTRACE))
        .startsWith(thrown.getClass().getName() + "\n\tat ")
        .contains(FailedSpansTest.class.getName())
        .doesNotContain("secret");
  }

  @Test
  void withRawStatementTextTheExceptionIsRecordedWhole() throws SQLException {
    SQLException thrown = failOn(sqlite("statementText=raw"));

    SpanData select = onlySpan();
    assertThat(select.getStatus().getDescription()).isEqualTo(thrown.getMessage());
    Attributes event = exceptionEvent(select);
    assertThat(event.get(Failures.EXCEPTION_MESSAGE)).isEqualTo(thrown.getMessage());
    assertThat(event.get(Failures.EXCEPTION_STACKTRACE)).contains("secret");
  }

  @ParameterizedTest(name = "{0}: SQLState {1}, error code {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
  # db.system.name     | SQLState | code  | db.response.status_code
  # vendor codes, finer than SQLSTATE or instead of it, as their pages say
  mariadb              | 23000    | 1062  | 1062
  mysql                | 23000    | 1062  | 1062
  mysql                | 08S01    | 0     | 08S01
  microsoft.sql_server | 23000    | 2627  | 2627
  oracle.db            | 23000    | 1     | ORA-00001
  oracle.db            | 08006    | 17002 | ORA-17002
  ibm.db2              | 23505    | -803  | -803
  sqlite               | -        | 19    | 19
  sqlite               | ' '      | 19    | 19
  # SQLSTATE, the standard's code
  postgresql           | 23505    | 0     | 23505
  h2database           | 23505    | 23505 | 23505
  h2database           | 42S02    | 42102 | 42S02
  hsqldb               | 23505    | -104  | 23505
  derby                | -        | 40000 | 40000
  # an unknown database: both, as specificity is unclear
  other_sql            | 42000    | 1071  | 42000/1071
  other_sql            | 42000    | 0     | 42000
  other_sql            | -        | 0     | -
  """)
  void theStatusCodeIsTheMostSpecificCodeTheSystemsPageNames(
      String system, String state, int code, String statusCode) {
    assertThat(Failures.statusCode(new SQLException("failed", state, code), system))
        .isEqualTo(statusCode);
  }

  @Test
  void onlyAnSqlExceptionHasAStatusCodeAndErrorTypeIsElseTheClass() {
    IllegalStateException notSql = new IllegalStateException("not SQL");

    assertThat(Failures.statusCode(notSql, "mariadb")).isNull();
    assertThat(Failures.errorType(notSql, null)).isEqualTo("java.lang.IllegalStateException");
    assertThat(Failures.errorType(new SQLException("x", "23505"), "23505")).isEqualTo("23505");
  }

  @Test
  void aStackTraceWithoutMessagesKeepsTheCausesAndFoldsTheirCommonFrames() {
    IllegalStateException cause = new IllegalStateException("value 'b'");
    SQLException error = new SQLException("value 'a'", cause);

    String trace = Failures.stackTraceWithoutMessages(error);

    assertThat(trace)
        .startsWith("java.sql.SQLException\n\tat ")
        .contains("\nCaused by: java.lang.IllegalStateException\n\tat ")
        .contains(" more\n")
        .doesNotContain("value");
  }

  @Test
  void aCauseCycleEndsTheStackTrace() {
    SQLException first = new SQLException("first");
    SQLException second = new SQLException("second", first);
    first.initCause(second);

    assertThat(Failures.stackTraceWithoutMessages(first).split("Caused by: ")).hasSize(2);
  }

  private SQLException failOn(Connection connection) throws SQLException {
    try (Connection c = connection;
        Statement s = c.createStatement()) {
      SQLException thrown = catchThrowableOfType(SQLException.class, () -> s.executeQuery(BAD_SQL));
      assertThat((Throwable) thrown).as("SQLite's error").isNotNull();
      return thrown;
    }
  }

  private static Attributes exceptionEvent(SpanData span) {
    assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("exception");
    return span.getEvents().get(0).getAttributes();
  }
}
