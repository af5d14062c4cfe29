package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement of {@code corpus.tsv} (SQLite, PostgreSQL, MySQL/MariaDB, H2, and SQL as
 * Hibernate, jOOQ and Flyway write it) gets its labelled operation and first table, and the query
 * summary {@code corpus-summaries.tsv} labels it with.
 */
class CorpusTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("corpus")
  void classifiesTheStatementAsLabelled(String sql, String operation, String firstTable) {
    SqlInfo info = SqlClassifier.classify(sql);

    assertThat(info.operation()).as("operation").isEqualTo(operation);
    assertThat(info.firstTable())
        .as("first table")
        .isEqualTo(firstTable.isEmpty() ? null : firstTable);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("corpus")
  void neverReportsAQuotedTable(String sql, String operation, String firstTable) {
    assertThat(SqlClassifier.classify(sql).tables()).noneMatch(t -> t.matches(".*[\"`\\[\\]].*"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("summaries")
  void summarizesTheStatementAsLabelled(String sql, String summary, String storedProcedure) {
    SqlInfo info = SqlClassifier.classify(sql);

    assertThat(info.querySummary()).as("summary").isEqualTo(summary.isEmpty() ? null : summary);
    assertThat(info.storedProcedure())
        .as("stored procedure")
        .isEqualTo(storedProcedure.isEmpty() ? null : storedProcedure);
  }

  /**
   * The conventions' rules, for every statement (labelled or not): a summary exactly when the
   * statement can be read, at most 255 characters, its parts as written and in the order of the
   * text.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("corpus")
  void summarizesByTheConventionsRules(String sql, String operation, String firstTable) {
    SqlInfo info = SqlClassifier.classify(sql);
    String summary = info.querySummary();

    if (operation.equals("textclause")) {
      assertThat(summary).isNull();
      return;
    }
    assertThat(summary).isNotNull().hasSizeLessThanOrEqualTo(255);
    int from = 0;
    for (String part : summary.split(" ")) {
      int at = info.sanitizedSql().indexOf(part, from);
      assertThat(at).as("'%s' in order in %s", part, info.sanitizedSql()).isNotNegative();
      from = at + part.length();
    }
  }

  static List<Arguments> corpus() throws IOException {
    return rows("/corpus.tsv");
  }

  static List<Arguments> summaries() throws IOException {
    return rows("/corpus-summaries.tsv");
  }

  private static List<Arguments> rows(String resource) throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(CorpusTest.class.getResourceAsStream(resource)),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        rows.add(Arguments.of(fields[0], fields[1], fields[2]));
      }
    }
    return rows;
  }
}
