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
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

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

    SpanData select = span("SELECT");
    assertThat(thrown.getErrorCode()).isEqualTo(1);
    assertThat(select.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attributes(select))
        .contains(entry("error.type", "1"), entry("db.response.status_code", "1"));
  }

  @Test
  void byDefaultTheMessageIsRedactedAndTheStackTraceHasNoMessages() throws SQLException {
    SQLException thrown = failOn(sqlite());

    SpanData select = span("SELECT");
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

    SpanData select = span("SELECT");
    assertThat(select.getStatus().getDescription()).isEqualTo(thrown.getMessage());
    Attributes event = exceptionEvent(select);
    assertThat(event.get(Failures.EXCEPTION_MESSAGE)).isEqualTo(thrown.getMessage());
    assertThat(event.get(Failures.EXCEPTION_STACKTRACE)).contains("secret");
  }

  @Test
  void theStatusCodeIsTheMostSpecificCodeTheDriverGives() {
    assertThat(Failures.statusCode(new SQLException("pgjdbc", "23505", 0))).isEqualTo("23505");
    assertThat(Failures.statusCode(new SQLException("sqlite", null, 19))).isEqualTo("19");
    assertThat(Failures.statusCode(new SQLException("blank", " ", 19))).isEqualTo("19");
    assertThat(Failures.statusCode(new SQLException("h2", "23505", 23505))).isEqualTo("23505");
    assertThat(
            Failures.statusCode(
                new SQLIntegrityConstraintViolationException("mariadb", "23000", 1062)))
        .isEqualTo("23000/1062");
    assertThat(Failures.statusCode(new SQLException("none"))).isNull();
    assertThat(Failures.statusCode(new IllegalStateException("not SQL"))).isNull();
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
