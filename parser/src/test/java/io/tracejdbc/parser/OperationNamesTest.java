package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link SqlInfo#operation()} beyond the corpus: the edges and the guarantee of a small name set.
 */
class OperationNamesTest {

  private static String operation(String sql) {
    return SqlClassifier.classify(sql).operation();
  }

  @Test
  void nullEmptyAndBlankAreTextclauses() {
    assertThat(operation(null)).isEqualTo("textclause");
    assertThat(operation("")).isEqualTo("textclause");
    assertThat(operation(" \n\t ")).isEqualTo("textclause");
    assertThat(operation("-- only a comment")).isEqualTo("textclause");
  }

  @Test
  void nullHasAnEmptySanitizedTextAndNoTables() {
    SqlInfo info = SqlClassifier.classify(null);

    assertThat(info.sanitizedSql()).isEmpty();
    assertThat(info.tables()).isEmpty();
  }

  @Test
  void aCommentBeforeTheStatementDoesNotHideIt() {
    assertThat(operation("/* controller=orders */ SELECT * FROM orders")).isEqualTo("select");
    assertThat(operation("-- migration 7\nPRAGMA user_version = 7")).isEqualTo("pragma");
  }

  @Test
  void anUnknownLeadingWordIsATextclause() {
    assertThat(operation("FROBNICATE the_database")).isEqualTo("textclause");
  }

  @Test
  void anUnknownKindOfObjectDoesNotMintANewName() {
    assertThat(operation("CREATE WIDGET w (a INT)")).isEqualTo("create");
    assertThat(operation("DROP WIDGET w")).isEqualTo("drop");
  }

  @Test
  void keywordsAreMatchedWhateverTheirCase() {
    assertThat(operation("pRaGmA foreign_keys = on")).isEqualTo("pragma");
    assertThat(operation("Create Table t (a int) Without Rowid")).isEqualTo("create-table");
  }

  @Test
  void aStatementTooLongToParseIsNamedByItsKeywords() {
    String where = " AND a = 1".repeat(SqlClassifier.PARSE_LIMIT / 10);

    assertThat(operation("DELETE FROM t WHERE 1 = 1" + where)).isEqualTo("delete");
    assertThat(operation("WITH x AS (SELECT 1) UPDATE t SET a = 1 WHERE 1 = 1" + where))
        .isEqualTo("update");
  }

  @Test
  void jdbcCallEscapesAreCalls() {
    assertThat(operation("{call p(?, ?)}")).isEqualTo("call");
    assertThat(operation("{?= call f(?)}")).isEqualTo("call");
  }
}
