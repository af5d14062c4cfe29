package io.tracejdbc.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.driver.internal.url.DbInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The span names the OpenTelemetry side makes of what the parser gives: a batch's {@code
 * db.query.summary} by the conventions' batch rule, and the fallback chain of a statement without a
 * summary.
 */
class QuerySummaryTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
  # the summary every statement of the batch has | the batch's summary
  INSERT orders                                  | BATCH INSERT orders
  UPDATE stock                                   | BATCH UPDATE stock
  INSERT archive SELECT events                   | BATCH INSERT archive SELECT events
  CALL refresh_stats                             | BATCH CALL refresh_stats
  -                                              | BATCH
  """)
  void ofABatchIsBatchThenTheSummaryItsStatementsShare(String summary, String batchSummary) {
    assertThat(SqlOperation.batchSummary(summary)).isEqualTo(batchSummary);
  }

  @Test
  void ofABatchIsCutBetweenPartsToFit255Characters() {
    String table = "t".repeat(123);
    String summary = "SELECT " + table + " " + table; // 254 characters: fits, with BATCH not

    String batch = SqlOperation.batchSummary(summary);

    assertThat(batch).isEqualTo("BATCH SELECT " + table).hasSizeLessThanOrEqualTo(255);
  }

  @Test
  void ofABatchIsBuiltOncePerSummary() {
    assertThat(SqlOperation.batchSummary(new String("DELETE sessions")))
        .isSameAs(SqlOperation.batchSummary(new String("DELETE sessions")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
  # connection URL                                 | name of a span without a summary
  jdbc:postgresql://db.example:6432/shop           | shop
  jdbc:sqlserver://db.example:1433                 | db.example:1433
  jdbc:sqlite::memory:                             | :memory:
  jdbc:h2:mem:                                     | h2database
  """)
  void withoutASummaryTheSpanIsNamedByItsTargetElseTheSystem(String url, String name) {
    assertThat(new Database(DbInfo.parse(url, null)).fallbackName).isEqualTo(name);
  }
}
