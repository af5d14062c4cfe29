package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code db.query.summary}, which is also the span name, of statements and batches. */
class QuerySummaryTest {
  private static final String SYSTEM_NAME = "h2database";

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
  # operation        | table        | summary
  select             | users        | SELECT users
  insert             | orders       | INSERT orders
  update             | Orders       | UPDATE Orders
  delete             | app.sessions | DELETE app.sessions
  create-table       | users        | CREATE TABLE users
  drop-view          | recent       | DROP VIEW recent
  call               | refresh_all  | CALL refresh_all
  select             | -            | SELECT
  commit             | -            | COMMIT
  rollback           | -            | ROLLBACK
  savepoint          | -            | SAVEPOINT
  release-savepoint  | -            | RELEASE SAVEPOINT
  set                | -            | SET
  textclause         | -            | h2database
  """)
  void isTheOperationThenTheFirstTable(String operation, String table, String summary) {
    assertThat(SqlOperation.of(operation).summary(table, SYSTEM_NAME)).isEqualTo(summary);
  }

  @Test
  void ofUnreadableTextIsTheConnectionsSystemName() {
    SqlOperation textclause = SqlOperation.of("textclause");

    assertThat(textclause.summary(null, "sqlite")).isEqualTo("sqlite");
    assertThat(textclause.summary(null, "microsoft.sql_server")).isEqualTo("microsoft.sql_server");
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
  # operation        | table        | summary
  insert             | orders       | BATCH INSERT orders
  update             | stock        | BATCH UPDATE stock
  create-table       | t1           | BATCH CREATE TABLE t1
  insert             | -            | BATCH INSERT
  delete             | -            | BATCH DELETE
  batch              | -            | BATCH
  batch              | orders       | BATCH
  textclause         | -            | BATCH
  """)
  void ofBatchIsPrefixedByBatchOrIsJustBatchForMixedKinds(
      String operation, String table, String summary) {
    assertThat(SqlOperation.of(operation).batchSummary(table)).isEqualTo(summary);
  }

  @Test
  void dropsATableThatWouldMakeItLongerThan255Characters() {
    SqlOperation select = new SqlOperation("select");
    String fits = "t".repeat(255 - "SELECT ".length());
    String tooLong = fits + "x";

    assertThat(select.summary(fits, SYSTEM_NAME)).isEqualTo("SELECT " + fits).hasSize(255);
    assertThat(select.summary(tooLong, SYSTEM_NAME)).isEqualTo("SELECT");
    assertThat(select.batchSummary(tooLong.substring("BATCH ".length()))).isEqualTo("BATCH SELECT");
  }

  @Test
  void isBuiltOncePerTable() {
    SqlOperation select = new SqlOperation("select");

    String first = select.summary(new String("users"), SYSTEM_NAME);

    assertThat(select.summary(new String("users"), SYSTEM_NAME)).isSameAs(first);
    assertThat(select.batchSummary(new String("users")))
        .isSameAs(select.batchSummary(new String("users")));
  }

  @Test
  void staysRightPastTheTablesItKeeps() {
    SqlOperation select = new SqlOperation("select");
    for (int i = 0; i < SqlOperation.CACHED_TABLES; i++) {
      select.summary("kept_" + i, SYSTEM_NAME);
    }

    String uncached = select.summary("minted_1", SYSTEM_NAME);

    assertThat(uncached).isEqualTo("SELECT minted_1");
    assertThat(select.summary("minted_1", SYSTEM_NAME)).isEqualTo(uncached).isNotSameAs(uncached);
    String kept = select.summary("kept_0", SYSTEM_NAME);
    assertThat(select.summary("kept_0", SYSTEM_NAME)).isSameAs(kept);
  }
}
