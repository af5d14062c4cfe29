package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link SqlInfo#tables()}: the first table touched first, the others after, unquoted, once each.
 */
class TablesTest {
  private static final String TOO_LONG_TO_PARSE =
      " AND x = y".repeat(SqlClassifier.PARSE_LIMIT / 10);

  private static Iterable<String> tables(String sql) {
    return SqlClassifier.classify(sql).tables();
  }

  @Test
  void theTableInFromComesBeforeTheJoinedOnes() {
    assertThat(tables("SELECT * FROM orders JOIN order_lines ON order_lines.order_id = orders.id"))
        .containsExactly("orders", "order_lines");
  }

  @Test
  void theCreatedTableComesBeforeTheTablesItIsBuiltFrom() {
    assertThat(tables("CREATE TABLE tmp AS SELECT * FROM t")).containsExactly("tmp", "t");
  }

  @Test
  void theTargetOfAWriteComesBeforeTheTablesItReads() {
    assertThat(tables("INSERT INTO archive SELECT * FROM users"))
        .containsExactly("archive", "users");
    assertThat(tables("UPDATE users u SET name = a.name FROM accounts a WHERE a.id = u.id"))
        .containsExactly("users", "accounts");
  }

  @Test
  void cteNamesAreNotTablesButTheirTablesAre() {
    assertThat(
            tables("WITH recent AS (SELECT * FROM orders) SELECT * FROM recent JOIN users ON true"))
        .containsExactly("orders", "users");
  }

  @Test
  void aRecursiveCteIsNotATable() {
    assertThat(
            tables(
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r"))
        .isEmpty();
  }

  @Test
  void quotesOfEveryKindAreRemovedAndSchemasKept() {
    assertThat(tables("SELECT * FROM \"PUBLIC\".\"BOOK\" JOIN `shop`.`author` ON true"))
        .containsExactly("PUBLIC.BOOK", "shop.author");
    assertThat(tables("SELECT * FROM [dbo].[book]")).containsExactly("dbo.book");
  }

  @Test
  void aTableNamedTwiceIsListedOnce() {
    assertThat(tables("SELECT * FROM users a JOIN users b ON a.boss = b.id"))
        .containsExactly("users");
  }

  @Test
  void aSelectWithoutFromHasNoTables() {
    assertThat(tables("SELECT 1")).isEmpty();
    assertThat(tables("SELECT pg_try_advisory_lock(42)")).isEmpty();
  }

  @Test
  void anIndexIsNotATableButTheTableItIndexesIs() {
    assertThat(tables("CREATE INDEX idx_name ON users (name)")).containsExactly("users");
    assertThat(tables("DROP INDEX idx_name")).isEmpty();
  }

  @Test
  void sequencesSchemasAndProceduresAreNotTables() {
    assertThat(tables("DROP SEQUENCE order_seq")).isEmpty();
    assertThat(tables("CREATE SCHEMA billing")).isEmpty();
    assertThat(tables("CALL refresh(1)")).isEmpty();
  }

  @Test
  void truncateOfSeveralTablesNamesTheFirst() {
    assertThat(SqlClassifier.classify("TRUNCATE a, b").firstTable()).isEqualTo("a");
    assertThat(SqlClassifier.classify("TRUNCATE TABLE a, b CASCADE").firstTable()).isEqualTo("a");
  }

  @Test
  void deleteFromOnlyNamesTheTableNotTheKeyword() {
    assertThat(SqlClassifier.classify("DELETE FROM ONLY a").firstTable()).isEqualTo("a");
    assertThat(SqlClassifier.classify("DELETE FROM ONLY a WHERE id = ?").tables())
        .containsExactly("a");
  }

  @Test
  void theKeywordFallbackFindsTheTableOfSimpleForms() {
    assertThat(tables("INSERT OR IGNORE INTO kv VALUES (1, 2)")).containsExactly("kv");
    assertThat(tables("UPDATE OR IGNORE \"main\".\"kv\" SET v = 1")).containsExactly("main.kv");
    assertThat(tables("CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY) WITHOUT ROWID"))
        .containsExactly("kv");
    assertThat(tables("MERGE INTO users KEY (id) VALUES (1)")).containsExactly("users");
    assertThat(
            tables(
                "CREATE UNIQUE INDEX IF NOT EXISTS i ON t (a) WHERE b > 0 AND c IS NOT NULL OR d"))
        .containsExactly("t");
  }

  @Test
  void theKeywordFallbackSkipsFromInsideFunctionCalls() {
    assertThat(
            tables(
                "SELECT EXTRACT(YEAR FROM at), tags[1], (SELECT 1 FROM a) FROM events WHERE 1 = 1"
                    + TOO_LONG_TO_PARSE))
        .containsExactly("events");
  }

  @Test
  void tablesAfterATableModifierAreKept() {
    assertThat(tables("SELECT * FROM t USE INDEX (i) JOIN u ON t.a = u.a"))
        .containsExactly("t", "u");
    assertThat(tables("SELECT * FROM t TABLESAMPLE SYSTEM (10), u")).containsExactly("t", "u");
    assertThat(tables("SELECT * FROM t PARTITION (p0) AS x, u")).containsExactly("t", "u");
    assertThat(tables("SELECT * FROM t SAMPLE (10) JOIN u ON true")).containsExactly("t", "u");
    assertThat(tables("SELECT * FROM t PIVOT (SUM(x) FOR y IN ('a')) p, u"))
        .containsExactly("t", "u");
    assertThat(tables("SELECT * FROM t WITH (NOLOCK) JOIN u ON true")).containsExactly("t", "u");
  }

  @Test
  void tablesAfterAnOracleDatabaseLinkAreKept() {
    assertThat(tables("SELECT * FROM employees@remote, departments"))
        .containsExactly("employees@remote", "departments");
  }

  @Test
  void anAliasThatIsAlsoAKeywordDoesNotHideTheTablesAfterIt() {
    for (String alias :
        new String[] {"value", "key", "start", "option", "connect", "lock", "partition"}) {
      assertThat(tables("SELECT * FROM a " + alias + ", b")).as(alias).containsExactly("a", "b");
      assertThat(tables("SELECT * FROM a " + alias + " JOIN b ON true"))
          .as(alias)
          .containsExactly("a", "b");
    }
  }

  @Test
  void aSchemaWrittenWithSpacesAroundItsDotStaysWithItsTable() {
    assertThat(tables("SELECT * FROM shop . orders JOIN shop .lines ON true"))
        .containsExactly("shop.orders", "shop.lines");
    assertThat(tables("SELECT tags[1] FROM shop . orders" + TOO_LONG_TO_PARSE))
        .containsExactly("shop.orders");
  }

  @Test
  void aStatementTooLongToParseGetsAllItsTables() {
    assertThat(
            tables(
                "WITH recent AS (SELECT * FROM orders) SELECT * FROM recent r"
                    + " JOIN users u ON u.id = r.user_id, (SELECT * FROM events) e WHERE 1 = 1"
                    + TOO_LONG_TO_PARSE))
        .containsExactly("orders", "events", "users");
  }

  @Test
  void theKeywordFallbackFollowsACommonTableExpressionToItsTable() {
    assertThat(
            tables(
                "WITH recent AS (SELECT tags[1] FROM orders) SELECT * FROM recent WHERE 1 = 1"
                    + TOO_LONG_TO_PARSE))
        .containsExactly("orders");
  }

  @Test
  void theKeywordFallbackFindsTheTableInAQueryInFrom() {
    assertThat(
            tables("SELECT * FROM (SELECT tags[1] FROM events) e WHERE 1 = 1" + TOO_LONG_TO_PARSE))
        .containsExactly("events");
  }
}
