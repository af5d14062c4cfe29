package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code db.operation.name} of a JDBC call, the only spans that have one: the conventions ask
 * that it never be parsed out of query text.
 */
class OperationNameTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
  commit            | COMMIT
  rollback          | ROLLBACK
  savepoint         | SAVEPOINT
  release-savepoint | RELEASE SAVEPOINT
  """)
  void ofAJdbcCallIsTheCallAsSqlSpellsIt(String tracejdbcName, String operationName) {
    assertThat(SqlOperation.callName(tracejdbcName)).isEqualTo(operationName);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"commit", "release-savepoint"})
  void isBuiltOnce(String tracejdbcName) {
    assertThat(SqlOperation.callName(new String(tracejdbcName)))
        .isSameAs(SqlOperation.callName(new String(tracejdbcName)));
  }
}
