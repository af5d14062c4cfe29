package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Input that could hang, blow up or throw a parser: every one is classified, none throws. */
class HostileInputTest {

  @Test
  void aOneMegabyteMultiRowInsertIsClassifiedByTheLexer() {
    StringBuilder sql = new StringBuilder("INSERT INTO events (id, name, at) VALUES ");
    for (int i = 0; sql.length() < 1 << 20; i++) {
      sql.append(i == 0 ? "" : ", ")
          .append('(')
          .append(i)
          .append(", 'name ")
          .append(i)
          .append("', 1.5e3)");
    }

    SqlInfo info = SqlClassifier.classify(sql.toString());

    assertThat(info.operation()).isEqualTo("insert");
    assertThat(info.tables()).containsExactly("events");
    assertThat(info.sanitizedSql())
        .doesNotContain("name ")
        .startsWith("INSERT INTO events (id, name, at) VALUES (?, ?, ?), (?, ?, ?)");
  }

  @Test
  void fiveHundredNestedParenthesesAreClassified() {
    String sql = "SELECT " + "(".repeat(500) + "1" + ")".repeat(500) + " FROM t";

    assertThat(SqlClassifier.classify(sql).operation()).isEqualTo("select");
  }

  @Test
  void fiveHundredUnclosedParenthesesAreClassified() {
    assertThat(SqlClassifier.classify("SELECT " + "(".repeat(500)).operation()).isEqualTo("select");
  }

  @Test
  void twoThousandUnclosedBracketsAreClassifiedWithoutJsqlParser() {
    String sql = "SELECT " + "a[".repeat(2_000);

    assertThat(SqlClassifier.nestsWithinLimit(sql)).isFalse();
    assertThat(SqlClassifier.classify(sql).operation()).isEqualTo("select");
  }

  @Test
  void bracketsAndParenthesesCountAsOneNesting() {
    assertThat(SqlClassifier.nestsWithinLimit("SELECT " + "f(a[".repeat(17))).isFalse();
    assertThat(SqlClassifier.nestsWithinLimit("SELECT " + "a[1]".repeat(500) + "(".repeat(32)))
        .isTrue();
  }

  @Test
  void theOriginalTextIsParsedAgainOnlyWhereItsLiteralsMayMatter() {
    // the same tokens respaced: JSqlParser would fail on them again
    assertThat(ParserTier.parsesOriginal("SELECT a[ FROM t", "SELECT a[\nFROM t /* x */"))
        .isFalse();
    assertThat(
            ParserTier.parsesOriginal(
                "CREATE TABLE t (a VARCHAR(?))", "CREATE TABLE t (a VARCHAR(255))"))
        .isTrue();
    // the original within the limits too
    assertThat(
            ParserTier.parsesOriginal(
                "SELECT ? FROM t", "SELECT '" + "x".repeat(SqlClassifier.PARSE_LIMIT) + "' FROM t"))
        .isFalse();
    assertThat(ParserTier.parsesOriginal("SELECT ?", "SELECT 'it\\'s" + "(".repeat(40) + "'"))
        .isFalse();
  }

  @Test
  void unterminatedLiteralsAndCommentsRunToTheEnd() {
    for (String sql :
        new String[] {
          "SELECT 'abc",
          "SELECT $$abc",
          "SELECT $t$abc",
          "SELECT /* abc",
          "SELECT E'abc\\",
          "SELECT 'abc\\",
          "SELECT -- abc"
        }) {
      SqlInfo info = SqlClassifier.classify(sql);
      assertThat(info.operation()).as(sql).isEqualTo("select");
      assertThat(info.sanitizedSql()).as(sql).doesNotContain("abc");
    }
  }

  @Test
  void unterminatedQuotedIdentifiersRunToTheEnd() {
    for (String sql : new String[] {"SELECT \"abc", "SELECT `abc", "SELECT [abc", "\"", "`"}) {
      assertThat(SqlClassifier.classify(sql).sanitizedSql()).as(sql).isEqualTo(sql);
    }
  }

  @Test
  void nulCharactersAreClassified() {
    SqlInfo info = SqlClassifier.classify("SELECT\0 * FROM t\0 WHERE a = '\0'");

    assertThat(info.operation()).isEqualTo("select");
  }

  @Test
  void surrogatePairsStayWholeAndAreClassified() {
    SqlInfo info = SqlClassifier.classify("SELECT \"😀\", '𝒳' FROM t😀 WHERE a = '\uD800'");

    assertThat(info.sanitizedSql()).isEqualTo("SELECT \"😀\", ? FROM t😀 WHERE a = ?");
    assertThat(info.operation()).isEqualTo("select");
  }

  @Test
  void loneSurrogatesAreClassified() {
    assertThat(SqlClassifier.classify("SELECT \uDC00\uD800 FROM \uD800").operation())
        .isEqualTo("select");
  }

  @Test
  void fragmentsOfSyntaxAreTextclauses() {
    for (String sql :
        new String[] {
          ";", "(((", ")))", "{", "{?", "{? =", "?", "-", "1e", "0x", "E'", "$1", ","
        }) {
      assertThat(SqlClassifier.classify(sql).operation()).as(sql).isEqualTo("textclause");
    }
  }

  @Test
  void twoThousandRandomSqlLikeStringsAreClassified() {
    String alphabet = "SELECTFROMWHEREINSERTINTO ()'\"`[]$-+*/.,;:?\\\n\t0123456789eExXnN_\0😀";
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sql = new StringBuilder();
      for (int n = random.nextInt(80); n > 0; n--) {
        sql.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(SqlClassifier.classify(sql.toString()).operation()).isNotNull();
    }
  }
}
