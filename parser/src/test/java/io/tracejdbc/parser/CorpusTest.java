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
 * Hibernate, jOOQ and Flyway write it) gets its labelled operation and first table.
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

  static List<Arguments> corpus() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(CorpusTest.class.getResourceAsStream("/corpus.tsv")),
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
