package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sanitized text: literals become {@code ?}, everything else that matters stays. */
class SanitizingTest {

  private static String sanitized(String sql) {
    return SqlClassifier.classify(sql).sanitizedSql();
  }

  @Test
  void aStringBecomesAPlaceholder() {
    assertThat(sanitized("SELECT * FROM users WHERE name = 'bob'"))
        .isEqualTo("SELECT * FROM users WHERE name = ?");
  }

  @Test
  void doubledQuotesStayInsideTheString() {
    assertThat(sanitized("SELECT 'O''Brien', 'x' FROM t")).isEqualTo("SELECT ?, ? FROM t");
  }

  @Test
  void backslashEscapedQuotesStayInsideTheString() {
    assertThat(
            SqlClassifier.classify("SELECT 'O\\'Brien', 'x' FROM t", SqlClassifier.Dialect.MYSQL)
                .sanitizedSql())
        .isEqualTo("SELECT ?, ? FROM t");
  }

  @Test
  void postgresEscapeStringsLoseTheirPrefix() {
    assertThat(sanitized("SELECT E'line\\none', e'x' FROM t")).isEqualTo("SELECT ?, ? FROM t");
  }

  @Test
  void nationalHexAndBitStringsLoseTheirPrefix() {
    assertThat(sanitized("SELECT N'été', X'0F', b'101' FROM t")).isEqualTo("SELECT ?, ?, ? FROM t");
  }

  @Test
  void mysqlCharsetIntroducersGoWithTheString() {
    assertThat(sanitized("SELECT _utf8mb4'x' COLLATE utf8mb4_bin"))
        .isEqualTo("SELECT ? COLLATE utf8mb4_bin");
  }

  @Test
  void dollarQuotedStringsBecomePlaceholders() {
    assertThat(sanitized("SELECT $$it's here$$, $body$ SELECT 'x' $$ $body$ FROM t"))
        .isEqualTo("SELECT ?, ? FROM t");
  }

  @Test
  void dateTimeAndTimestampLiteralsBecomeOnePlaceholder() {
    assertThat(
            sanitized(
                "SELECT * FROM t WHERE d = DATE '2024-01-01' AND t < time '10:00'"
                    + " AND ts > TIMESTAMP '2024-01-01 10:00:00'"))
        .isEqualTo("SELECT * FROM t WHERE d = ? AND t < ? AND ts > ?");
  }

  @Test
  void intervalKeepsItsKeywordAndUnit() {
    assertThat(sanitized("SELECT now() - INTERVAL '1' DAY"))
        .isEqualTo("SELECT now() - INTERVAL ? DAY");
  }

  @Test
  void integersDecimalsAndExponentsBecomePlaceholders() {
    assertThat(sanitized("SELECT 42, 3.14, .5, 1e10, 1.5E-3, 2e+7 FROM t"))
        .isEqualTo("SELECT ?, ?, ?, ?, ?, ? FROM t");
  }

  @Test
  void hexNumbersBecomePlaceholders() {
    assertThat(sanitized("SELECT * FROM t WHERE flags = 0x1F"))
        .isEqualTo("SELECT * FROM t WHERE flags = ?");
  }

  @Test
  void aSignWhereAnOperandIsExpectedBelongsToTheNumber() {
    assertThat(sanitized("SELECT -1, +2 FROM t WHERE a = -3 AND b IN (-4) OR c > -5.5"))
        .isEqualTo("SELECT ?, ? FROM t WHERE a = ? AND b IN (?) OR c > ?");
  }

  @Test
  void aSignAfterAnOperandIsAnOperator() {
    assertThat(sanitized("SELECT a-1, a - 1, (a)-1, ?+1 FROM t"))
        .isEqualTo("SELECT a-?, a - ?, (a)-?, ?+? FROM t");
  }

  @Test
  void digitsInsideIdentifiersStay() {
    assertThat(sanitized("SELECT u1_0.id, col_2, t1.x FROM t1 JOIN table2 ON t1.id = table2.id"))
        .isEqualTo("SELECT u1_0.id, col_2, t1.x FROM t1 JOIN table2 ON t1.id = table2.id");
  }

  @Test
  void quotedIdentifiersStayAsWritten() {
    assertThat(
            SqlClassifier.classify(
                    "SELECT \"2024 sales\", `col 1`, [order 2] FROM \"PUBLIC\".\"BOOK\"",
                    SqlClassifier.Dialect.SQLSERVER)
                .sanitizedSql())
        .isEqualTo("SELECT \"2024 sales\", `col 1`, [order 2] FROM \"PUBLIC\".\"BOOK\"");
  }

  @Test
  void mysqlReadsDoubleQuotedTextAsAString() {
    assertThat(
            SqlClassifier.classify(
                    "SELECT `name` FROM users WHERE name = \"bob\" OR note = \"say \\\"hi\\\"\"",
                    SqlClassifier.Dialect.MYSQL)
                .sanitizedSql())
        .isEqualTo("SELECT `name` FROM users WHERE name = ? OR note = ?");
  }

  @Test
  void mysqlHashCommentsAreDropped() {
    assertThat(
            SqlClassifier.classify(
                    "SELECT 1 # the secret plan\nFROM t", SqlClassifier.Dialect.MYSQL)
                .sanitizedSql())
        .isEqualTo("SELECT ? FROM t");
  }

  @Test
  void standardSqlKeepsHashAsAnOperator() {
    assertThat(sanitized("SELECT a # b FROM t")).isEqualTo("SELECT a # b FROM t");
  }

  @Test
  void doubledQuotesInsideAQuotedIdentifierStay() {
    assertThat(sanitized("SELECT \"a\"\"1\" FROM t")).isEqualTo("SELECT \"a\"\"1\" FROM t");
  }

  @Test
  void arraySubscriptsAreNotBracketedIdentifiers() {
    assertThat(sanitized("SELECT tags[1], ARRAY['a', 'b'] FROM t"))
        .isEqualTo("SELECT tags[?], ARRAY[?, ?] FROM t");
  }

  @Test
  void keywordsBooleansAndNullStay() {
    assertThat(sanitized("SELECT * FROM t WHERE a IS NULL AND b = true AND c = FALSE"))
        .isEqualTo("SELECT * FROM t WHERE a IS NULL AND b = true AND c = FALSE");
  }

  @Test
  void jdbcPlaceholdersStay() {
    assertThat(sanitized("UPDATE t SET a=? WHERE id=?")).isEqualTo("UPDATE t SET a=? WHERE id=?");
  }

  @Test
  void positionalAndNamedParametersStay() {
    assertThat(sanitized("SELECT * FROM t WHERE a = $1 AND b = :name AND c = $2::int"))
        .isEqualTo("SELECT * FROM t WHERE a = $1 AND b = :name AND c = $2::int");
  }

  @Test
  void anInListOfLiteralsCollapsesToOnePlaceholder() {
    assertThat(sanitized("SELECT * FROM t WHERE id IN (1, 2, 3) AND s NOT IN ('a','b')"))
        .isEqualTo("SELECT * FROM t WHERE id IN (?) AND s NOT IN (?)");
  }

  @Test
  void anInListOfPlaceholdersCollapsesToOnePlaceholder() {
    assertThat(sanitized("select * from t where id in ( ?, ?,? )"))
        .isEqualTo("select * from t where id in (?)");
  }

  @Test
  void anInListWithExpressionsStays() {
    assertThat(
            sanitized("SELECT * FROM t WHERE id IN (a, 2) OR id IN (SELECT id FROM u WHERE x = 1)"))
        .isEqualTo("SELECT * FROM t WHERE id IN (a, ?) OR id IN (SELECT id FROM u WHERE x = ?)");
  }

  @Test
  void lineCommentsAreDropped() {
    assertThat(sanitized("SELECT a -- the secret is 42\nFROM t")).isEqualTo("SELECT a FROM t");
  }

  @Test
  void blockCommentsAreDroppedAndSeparateTokens() {
    assertThat(sanitized("/* app: checkout */ SELECT a/* x */FROM t")).isEqualTo("SELECT a FROM t");
  }

  @Test
  void whitespaceRunsCollapseToOneSpaceAndTheEndsAreTrimmed() {
    assertThat(sanitized("  SELECT\ta,\n\n  b\r\nFROM   t  ")).isEqualTo("SELECT a, b FROM t");
  }

  @Test
  void anUnterminatedStringRunsToTheEnd() {
    assertThat(sanitized("SELECT * FROM t WHERE a = 'secret"))
        .isEqualTo("SELECT * FROM t WHERE a = ?");
  }

  @Test
  void anUnterminatedCommentRunsToTheEnd() {
    assertThat(sanitized("SELECT a FROM t /* secret 42")).isEqualTo("SELECT a FROM t");
  }

  @Test
  void errorMessagesQuotingSqlAreSanitizedToo() {
    assertThat(SqlClassifier.sanitize("Key (id)=(42) already exists.  Value 'bob' is taken"))
        .isEqualTo("Key (id)=(?) already exists. Value ? is taken");
    assertThat(SqlClassifier.sanitize(null)).isEmpty();
  }
}
