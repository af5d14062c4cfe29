package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.parser.SqlClassifier.Dialect;
import org.junit.jupiter.api.Test;

/**
 * Each database reads quotes, backslashes, brackets and comments its own way; the sanitizer reads
 * them as the connection's database does, so no literal is mistaken for SQL and none leaks.
 */
class DialectSanitizingTest {

  private static String sanitized(String sql, Dialect dialect) {
    return SqlClassifier.classify(sql, dialect).sanitizedSql();
  }

  @Test
  void aBackslashDoesNotEscapeAQuoteOutsideMysql() {
    String sql = "SELECT 'C:\\' AS path, 'alice@example.com' AS owner";
    for (Dialect dialect :
        new Dialect[] {Dialect.STANDARD, Dialect.POSTGRESQL, Dialect.SQLITE, Dialect.SQLSERVER}) {
      assertThat(sanitized(sql, dialect))
          .as(dialect.name())
          .isEqualTo("SELECT ? AS path, ? AS owner");
    }
  }

  @Test
  void anEscapeCharacterOfLikeDoesNotHideTheRestOfTheStatement() {
    assertThat(
            sanitized(
                "SELECT * FROM t WHERE a LIKE 'ab%' ESCAPE '\\' AND status = 'VIP-4242'",
                Dialect.POSTGRESQL))
        .isEqualTo("SELECT * FROM t WHERE a LIKE ? ESCAPE ? AND status = ?");
  }

  @Test
  void hibernatesLikeEscapeWithPaginationStaysWhole() {
    String sql =
        "select b1_0.id from book b1_0 where b1_0.title like ? escape '\\'"
            + " order by b1_0.id offset ? rows fetch first ? rows only";
    for (Dialect dialect : new Dialect[] {Dialect.STANDARD, Dialect.POSTGRESQL, Dialect.SQLITE}) {
      assertThat(sanitized(sql, dialect))
          .as(dialect.name())
          .isEqualTo(
              "select b1_0.id from book b1_0 where b1_0.title like ? escape ?"
                  + " order by b1_0.id offset ? rows fetch first ? rows only");
    }
  }

  @Test
  void mysqlReadsABackslashAsAnEscape() {
    assertThat(sanitized("SELECT 'O\\'Brien', 'x' FROM t", Dialect.MYSQL))
        .isEqualTo("SELECT ?, ? FROM t");
    assertThat(sanitized("SELECT 'C:\\\\', 'alice@example.com' FROM t", Dialect.MYSQL))
        .isEqualTo("SELECT ?, ? FROM t");
  }

  @Test
  void postgresqlEscapeStringsReadABackslashAsAnEscape() {
    assertThat(sanitized("SELECT E'it\\'s', 'C:\\', 'alice@example.com'", Dialect.POSTGRESQL))
        .isEqualTo("SELECT ?, ?, ?");
  }

  @Test
  void anArrayConstructorIsNotABracketedIdentifier() {
    for (Dialect dialect : Dialect.values()) {
      assertThat(sanitized("SELECT ARRAY[lower('SECRET-VALUE')]", dialect))
          .as(dialect.name())
          .isEqualTo("SELECT ARRAY[lower(?)]");
    }
  }

  @Test
  void bracketsAreNotIdentifiersWhereTheDatabaseHasArrays() {
    assertThat(sanitized("SELECT tags['SECRET-VALUE'], [1, 2] FROM t", Dialect.POSTGRESQL))
        .isEqualTo("SELECT tags[?], [?, ?] FROM t");
    assertThat(sanitized("SELECT tags[k || 'SECRET'] FROM t", Dialect.STANDARD))
        .isEqualTo("SELECT tags[k || ?] FROM t");
  }

  @Test
  void sqlServerAndSqliteQuoteIdentifiersInBrackets() {
    for (Dialect dialect : new Dialect[] {Dialect.SQLSERVER, Dialect.SQLITE}) {
      assertThat(sanitized("SELECT \"2024 sales\", `col 1`, [order 2] FROM [dbo].[book]", dialect))
          .as(dialect.name())
          .isEqualTo("SELECT \"2024 sales\", `col 1`, [order 2] FROM [dbo].[book]");
    }
  }

  @Test
  void sqlServerDoublesAClosingBracketInsideAnIdentifier() {
    assertThat(sanitized("SELECT [a]]b] FROM t WHERE c = 'x'", Dialect.SQLSERVER))
        .isEqualTo("SELECT [a]]b] FROM t WHERE c = ?");
  }

  @Test
  void binaryLiteralsBecomePlaceholders() {
    for (Dialect dialect : Dialect.values()) {
      assertThat(sanitized("SELECT 0b101010, b'1010', B'1', x'0F', X'0f', 0x1F FROM t", dialect))
          .as(dialect.name())
          .isEqualTo("SELECT ?, ?, ?, ?, ?, ? FROM t");
    }
  }

  @Test
  void mysqlReadsDigitsRunningIntoLettersAsAnIdentifier() {
    assertThat(sanitized("SELECT 1st, 0b102, 1_000 FROM t", Dialect.MYSQL))
        .isEqualTo("SELECT 1st, 0b102, 1_000 FROM t");
  }

  @Test
  void elsewhereDigitsRunningIntoLettersAreAValue() {
    assertThat(sanitized("SELECT 1_000_000, 0o17, 12abc FROM t", Dialect.STANDARD))
        .isEqualTo("SELECT ?, ?, ? FROM t");
  }

  @Test
  void postgresqlNestsBlockComments() {
    assertThat(sanitized("SELECT a /* a /* b */ don't */ FROM t WHERE b = 'x'", Dialect.POSTGRESQL))
        .isEqualTo("SELECT a FROM t WHERE b = ?");
  }

  @Test
  void mysqlAndSqliteEndABlockCommentAtTheFirstClose() {
    for (Dialect dialect : new Dialect[] {Dialect.MYSQL, Dialect.SQLITE}) {
      assertThat(sanitized("SELECT a /* a /* b */ FROM t WHERE b = 'x'", dialect))
          .as(dialect.name())
          .isEqualTo("SELECT a FROM t WHERE b = ?");
    }
  }

  @Test
  void sqliteKeepsDoubleQuotedNamesAsIdentifiers() {
    assertThat(sanitized("SELECT \"id\" FROM \"notes\" WHERE \"body\" = 'x'", Dialect.SQLITE))
        .isEqualTo("SELECT \"id\" FROM \"notes\" WHERE \"body\" = ?");
  }

  @Test
  void mysqlReadsDollarSignsAsPartOfAName() {
    assertThat(sanitized("SELECT $$it$$, a$b FROM t WHERE c = 'x'", Dialect.MYSQL))
        .isEqualTo("SELECT $$it$$, a$b FROM t WHERE c = ?");
  }

  @Test
  void sqlServerMoneyLiteralsBecomePlaceholders() {
    assertThat(sanitized("SELECT * FROM t WHERE price > $12.50", Dialect.SQLSERVER))
        .isEqualTo("SELECT * FROM t WHERE price > ?");
  }

  @Test
  void oracleAlternativeQuotingBecomesAPlaceholder() {
    assertThat(sanitized("SELECT q'[it's secret]', Q'{x}', nq'!y!' FROM dual", Dialect.STANDARD))
        .isEqualTo("SELECT ?, ?, ? FROM dual");
  }

  @Test
  void theTextAfterCreateOrAlterUserIsMaskedForItsPassword() {
    assertThat(sanitized("ALTER USER app IDENTIFIED BY s3cretpw", Dialect.STANDARD))
        .isEqualTo("ALTER USER ?");
    assertThat(sanitized("create role admin identified by s3cretpw", Dialect.STANDARD))
        .isEqualTo("create role ?");
    assertThat(sanitized("CREATE USER app IDENTIFIED BY 'x'", Dialect.MYSQL))
        .isEqualTo("CREATE USER ?");
  }

  @Test
  void aPasswordAfterIdentifiedIsMaskedInEveryStatementThatSetsOne() {
    assertThat(
            sanitized(
                "CREATE DATABASE LINK remote CONNECT TO scott IDENTIFIED BY tiger USING 'db'",
                Dialect.STANDARD))
        .isEqualTo("CREATE DATABASE LINK remote CONNECT TO scott IDENTIFIED ?");
    assertThat(
            sanitized(
                "create public database link r connect to s identified by \"T1ger#\" using 'x'",
                Dialect.STANDARD))
        .isEqualTo("create public database link r connect to s identified ?");
    assertThat(sanitized("GRANT CONNECT TO scott IDENTIFIED BY tiger", Dialect.STANDARD))
        .isEqualTo("GRANT CONNECT TO scott IDENTIFIED ?");
    assertThat(sanitized("SET ROLE approver IDENTIFIED BY tiger", Dialect.STANDARD))
        .isEqualTo("SET ROLE approver IDENTIFIED ?");
    assertThat(
            sanitized(
                "ADMINISTER KEY MANAGEMENT SET KEY IDENTIFIED BY tiger WITH BACKUP",
                Dialect.STANDARD))
        .isEqualTo("ADMINISTER KEY MANAGEMENT SET KEY IDENTIFIED ?");
    assertThat(
            sanitized(
                "GRANT ALL ON db.* TO 'app'@'%' IDENTIFIED WITH caching_sha2_password AS 'h'",
                Dialect.MYSQL))
        .isEqualTo("GRANT ALL ON db.* TO ?@? IDENTIFIED ?");
  }

  @Test
  void aPasswordAfterPasswordEqualsIsMasked() {
    assertThat(
            sanitized(
                "CREATE LOGIN app WITH PASSWORD = tiger, CHECK_POLICY = OFF", Dialect.SQLSERVER))
        .isEqualTo("CREATE LOGIN app WITH PASSWORD ?");
    assertThat(
            sanitized("ALTER LOGIN app WITH PASSWORD=tiger OLD_PASSWORD=lion", Dialect.SQLSERVER))
        .isEqualTo("ALTER LOGIN app WITH PASSWORD ?");
  }

  @Test
  void aPasswordInALaterStatementOfAStringIsMasked() {
    assertThat(sanitized("SELECT 1; GRANT dba TO scott IDENTIFIED BY tiger", Dialect.STANDARD))
        .isEqualTo("SELECT ?; GRANT dba TO scott IDENTIFIED ?");
  }

  @Test
  void aColumnNamedPasswordIsNotAPasswordClause() {
    assertThat(
            sanitized(
                "CREATE TABLE accounts (id INT, password VARCHAR(100), identified_at DATE)",
                Dialect.STANDARD))
        .isEqualTo("CREATE TABLE accounts (id INT, password VARCHAR(?), identified_at DATE)");
    assertThat(sanitized("SELECT password FROM accounts WHERE identified = ?", Dialect.STANDARD))
        .isEqualTo("SELECT password FROM accounts WHERE identified = ?");
  }

  @Test
  void h2ReadsDoubleSlashAsALineComment() {
    assertThat(
            sanitized(
                "SELECT a // the owner's note\nFROM t WHERE b = 'SECRET-VALUE'", Dialect.STANDARD))
        .isEqualTo("SELECT a FROM t WHERE b = ?");
  }

  @Test
  void doubleSlashIsNoCommentWhereTheDatabaseReadsItAsAnOperator() {
    assertThat(sanitized("SELECT a // b FROM t", Dialect.POSTGRESQL))
        .isEqualTo("SELECT a // b FROM t");
  }

  @Test
  void postgresqlContinuesAnEscapeStringAcrossANewline() {
    for (Dialect dialect : new Dialect[] {Dialect.POSTGRESQL, Dialect.STANDARD}) {
      assertThat(sanitized("SELECT E'a'\n'it\\'s SECRET', 'b' FROM t", dialect))
          .as(dialect.name())
          .isEqualTo("SELECT ?, ? FROM t");
      assertThat(sanitized("SELECT E'a' -- note\n  -- more\n'it\\'s SECRET', 'b' FROM t", dialect))
          .as(dialect.name())
          .isEqualTo("SELECT ?, ? FROM t");
    }
  }

  @Test
  void anUnknownDatabaseReadsPlainSqlAsStandardSqlIsRead() {
    assertThat(
            sanitized(
                "SELECT a, b FROM t /* c */ WHERE c = 'x' AND d IN (1, 2) -- e", Dialect.UNKNOWN))
        .isEqualTo("SELECT a, b FROM t WHERE c = ? AND d IN (?)");
  }

  @Test
  void anUnknownDatabaseReadsDoubleQuotesAsAString() {
    assertThat(sanitized("SELECT \"o'brien@example.com\", name FROM t", Dialect.UNKNOWN))
        .isEqualTo("SELECT ?, name FROM t");
  }

  @Test
  void whereReadingsPartTheRestOfTheTextIsOneMask() {
    String[] parting = {
      "SELECT 'it\\'s', 'SECRET' FROM t", // MySQL, ClickHouse, Snowflake: one string
      "SELECT 'C:\\', 'SECRET' FROM t", // PostgreSQL, SQL Server: two strings
      "SELECT \"a\\\", 'SECRET' FROM t",
      "SELECT '''it's''', 'SECRET' FROM t", // BigQuery's triple-quoted string
      "SELECT $$it's$$, 'SECRET' FROM t", // a dollar string, names to MySQL
      "SELECT q'[it's]', 'SECRET' FROM t", // Oracle's alternative quoting
      "SELECT a /* b /* c */ it's */, 'SECRET' FROM t", // nested, or not
      "SELECT a # it's\n, 'SECRET' FROM t", // a comment in MySQL only
      "SELECT a // it's\n, 'SECRET' FROM t", // a comment in H2 and Snowflake only
      "SELECT a --it's\n, 'SECRET' FROM t", // not a comment in MySQL
      "SELECT `it's`, 'SECRET' FROM t", // a name, or code
      "SELECT [it's], 'SECRET' FROM t", // a name, or code
    };
    for (String sql : parting) {
      assertThat(sanitized(sql, Dialect.UNKNOWN))
          .as(sql)
          .doesNotContain("SECRET")
          .doesNotContain("FROM t")
          .endsWith("?");
    }
  }

  @Test
  void aStringContinuedAcrossANewlineIsOneLiteral() {
    assertThat(sanitized("SELECT 'a'\n  'b' FROM t", Dialect.POSTGRESQL))
        .isEqualTo("SELECT ? FROM t");
    assertThat(sanitized("SELECT 'a' /* no */\n'b' FROM t", Dialect.POSTGRESQL))
        .isEqualTo("SELECT ? ? FROM t");
  }

  @Test
  void aCommentWithoutQuotesIsDroppedWhereverItIsOne() {
    assertThat(sanitized("SELECT a # 42\nFROM t // 7\nWHERE b = 1", Dialect.UNKNOWN))
        .isEqualTo("SELECT a FROM t WHERE b = ?");
  }
}
