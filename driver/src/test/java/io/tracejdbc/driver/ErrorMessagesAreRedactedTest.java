package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.driver.internal.ErrorMessages;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Without statementText=raw, an error log keeps what went wrong and drops the data. */
class ErrorMessagesAreRedactedTest {

  static Stream<Arguments> driverMessages() {
    return Stream.of(
        Arguments.of(
            "pgjdbc puts the key in its Detail line",
            "ERROR: duplicate key value violates unique constraint \"users_pkey\"\n"
                + "  Detail: Key (email)=(bob@x.org) already exists.",
            "ERROR: duplicate key value violates unique constraint ?"),
        Arguments.of(
            "pgjdbc double-quotes a value it cannot convert",
            "ERROR: invalid input syntax for type integer: \"hunter2\"\n  Position: 31",
            "ERROR: invalid input syntax for type integer: ?"),
        Arguments.of(
            "MariaDB single-quotes the duplicate value",
            "(conn=12) Duplicate entry 'bob@x.org' for key 'PRIMARY'",
            "(conn=?) Duplicate entry ?"),
        Arguments.of(
            "MariaDB does not escape a quote in the value",
            "(conn=12) Duplicate entry 'o'bob@x.org' for key 'email'",
            "(conn=?) Duplicate entry ?"),
        Arguments.of(
            "nor in a value it cannot convert",
            "Incorrect integer value: 'it's hunter2' for column `t`.`id` at row 1",
            "Incorrect integer value: ? for column `t`.`id` at row ?"),
        Arguments.of(
            "SQLite quotes the text near a syntax error",
            "[SQLITE_ERROR] SQL error or missing database (near \"'hunter2'\": syntax error)",
            "[SQLITE_ERROR] SQL error or missing database (near ?: syntax error)"),
        Arguments.of(
            "a message without values stays as it is",
            "[SQLITE_CONSTRAINT_PRIMARYKEY] A PRIMARY KEY constraint failed (UNIQUE constraint failed: t.x)",
            "[SQLITE_CONSTRAINT_PRIMARYKEY] A PRIMARY KEY constraint failed (UNIQUE constraint failed: t.x)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("driverMessages")
  void theFirstLineStaysWithEveryValueMasked(String why, String message, String logged) {
    assertThat(ErrorMessages.redact(message)).isEqualTo(logged).doesNotContain("bob", "hunter2");
  }
}
