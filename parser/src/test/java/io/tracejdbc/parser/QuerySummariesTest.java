package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.parser.SqlClassifier.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link SqlInfo#querySummary()} follows the conventions' "Generating a summary of the query":
 * every operation and every target, in the order the text has them, as written, 255 characters at
 * most; none for SQL that cannot be read. {@link SqlInfo#storedProcedure()} names what a call
 * calls.
 */
class QuerySummariesTest {

  private static String summary(String sql) {
    return SqlClassifier.classify(sql).querySummary();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SELECT * FROM wuser_table WHERE username = ?                        | SELECT wuser_table
          SELECT * FROM songs, artists WHERE songs.artist_id == artists.id    | SELECT songs artists
          SELECT * FROM orders o JOIN customers c ON o.cid = c.id             | SELECT orders customers
          SELECT * FROM t1, t2 JOIN t3 ON t2.id = t3.id, t4                   | SELECT t1 t2 t3 t4
          SELECT * FROM (t1), (t2)                                            | SELECT t1 t2
          SELECT * FROM a LEFT JOIN (b JOIN c ON b.id = c.id) ON a.id = b.id  | SELECT a b c
          SELECT * FROM t1 CROSS JOIN LATERAL (SELECT * FROM t2) AS s         | SELECT t1 SELECT t2
          SELECT * FROM users WITH (NOLOCK) JOIN orders o ON o.uid = users.id | SELECT users orders
          SELECT a FROM x UNION ALL SELECT a FROM y EXCEPT SELECT a FROM z    | SELECT x SELECT y SELECT z
          (SELECT id FROM users) UNION (SELECT id FROM customers)             | SELECT users SELECT customers
          SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE EXISTS (SELECT 1 FROM v)) | SELECT t SELECT u SELECT v
          SELECT (SELECT max(x) FROM a), b FROM c                             | SELECT SELECT a c
          SELECT EXTRACT(YEAR FROM d), SUBSTRING(s FROM 1 FOR 2) FROM t       | SELECT t
          SELECT * FROM a WHERE x IS DISTINCT FROM y                          | SELECT a
          SELECT * INTO archive FROM events                                   | SELECT archive events
          SELECT a INTO #tmp FROM t JOIN ##shared s ON s.id = t.id             | SELECT #tmp t ##shared
          SELECT * FROM generate_series(1, 10) g                              | SELECT generate_series
          SELECT 1 FROM DUAL                                                  | SELECT DUAL
          SELECT REPLACE(name, 'a', 'b') FROM t                               | SELECT t
          WITH c AS (SELECT * FROM a) SELECT * FROM c JOIN b ON c.id = b.id   | SELECT a SELECT b
          WITH moved AS (DELETE FROM q RETURNING *) INSERT INTO arc SELECT * FROM moved | DELETE q INSERT arc SELECT
          INSERT INTO archive SELECT * FROM events e JOIN "Users" u ON e.uid = u.id | INSERT archive SELECT events "Users"
          INSERT INTO t (a, b) VALUES (1, 2) ON DUPLICATE KEY UPDATE a = 1, b = 2 | INSERT t
          INSERT INTO t (a) SELECT a FROM s ON DUPLICATE KEY UPDATE a = 1, b = 2 | INSERT t SELECT s
          INSERT OR REPLACE INTO kv VALUES (?, ?)                             | INSERT kv
          UPDATE t1 SET col = t2.col FROM t2, t3 WHERE t1.id = t2.id          | UPDATE t1 t2 t3
          UPDATE t1 JOIN t2 ON t1.id = t2.id SET t1.a = t2.a                  | UPDATE t1 t2
          UPDATE p SET price = (SELECT avg(price) FROM stats) WHERE id = 1    | UPDATE p SELECT stats
          DELETE FROM t1 USING t2, t3 WHERE t1.id = t2.id                     | DELETE t1 t2 t3
          DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id                          | DELETE t1 t2
          DELETE orders WHERE id = 1                                          | DELETE orders
          MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id) | MERGE t s
          MERGE INTO t USING (SELECT * FROM s) x ON t.id = x.id WHEN MATCHED THEN DELETE | MERGE t SELECT s
          CREATE  TABLE MyTable (id INT REFERENCES other (id))                | CREATE TABLE MyTable
          CREATE TABLE t AS SELECT * FROM s                                   | CREATE TABLE t SELECT s
          CREATE OR REPLACE VIEW v AS (SELECT a FROM s JOIN r ON s.x = r.x)  | CREATE VIEW v SELECT s r
          CREATE MATERIALIZED VIEW mv AS SELECT * FROM s                      | CREATE MATERIALIZED VIEW mv SELECT s
          CREATE UNIQUE INDEX idx ON t (a)                                    | CREATE INDEX idx t
          DROP INDEX idx                                                      | DROP INDEX idx
          DROP TABLE IF EXISTS a, b CASCADE                                   | DROP TABLE a b
          ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (x) REFERENCES o (id)   | ALTER TABLE t
          TRUNCATE TABLE a, b                                                 | TRUNCATE TABLE a b
          RENAME TABLE a TO b                                                 | RENAME TABLE a b
          EXPLAIN ANALYZE SELECT * FROM t                                     | EXPLAIN SELECT t
          SET search_path TO billing                                          | SET
          SAVEPOINT sp1                                                       | SAVEPOINT
          RELEASE SAVEPOINT sp1                                               | RELEASE SAVEPOINT
          START TRANSACTION                                                   | START TRANSACTION
          VACUUM                                                              | VACUUM
          SHOW TABLES                                                         | SHOW
          ANALYZE users                                                       | ANALYZE users
          LOCK TABLES users WRITE                                             | LOCK users
          USE shop                                                            | USE shop
          """)
  void summarizesOperationsAndTargetsInOrder(String sql, String summary) {
    assertThat(summary(sql)).isEqualTo(summary);
  }

  @Test
  void keepsCaseAndQuotesAsWritten() {
    assertThat(summary("select * from Orders o join \"Order Lines\" l on l.oid = o.id"))
        .isEqualTo("select Orders \"Order Lines\"");
    assertThat(summary("SELECT * FROM `shop`.`orders`")).isEqualTo("SELECT `shop`.`orders`");
    assertThat(summary("SELECT * FROM [dbo].[Order Details]"))
        .isEqualTo("SELECT [dbo].[Order Details]");
    assertThat(summary("SeLeCt * FrOm Users")).isEqualTo("SeLeCt Users");
    assertThat(summary("cReAtE tEmPoRaRy TaBlE T aS sElEcT * fRoM s"))
        .isEqualTo("cReAtE TaBlE T sElEcT s");
  }

  @Test
  void summarizesCallsAndNamesTheirProcedure() {
    SqlInfo call = SqlClassifier.classify("CALL billing.refresh_stats(?, 'x')");
    SqlInfo escape = SqlClassifier.classify("{call some_stored_procedure}");
    SqlInfo function = SqlClassifier.classify("{? = call \"NextId\"(?)}");

    assertThat(call.querySummary()).isEqualTo("CALL billing.refresh_stats");
    assertThat(call.storedProcedure()).isEqualTo("billing.refresh_stats");
    assertThat(escape.querySummary()).isEqualTo("call some_stored_procedure");
    assertThat(escape.storedProcedure()).isEqualTo("some_stored_procedure");
    assertThat(function.querySummary()).isEqualTo("call \"NextId\"");
    assertThat(function.storedProcedure()).isEqualTo("\"NextId\"");
    assertThat(SqlClassifier.classify("EXEC dbo.archive_orders ?").storedProcedure())
        .isEqualTo("dbo.archive_orders");
  }

  @Test
  void onlyACallHasAStoredProcedure() {
    assertThat(SqlClassifier.classify("SELECT * FROM procedures").storedProcedure()).isNull();
    // EXECUTE runs a prepared statement in PostgreSQL and MySQL
    assertThat(SqlClassifier.classify("EXECUTE stmt USING @id").storedProcedure()).isNull();
    assertThat(SqlClassifier.classify("CALL a(); CALL b()").storedProcedure()).isNull();
  }

  @Test
  void sqlThatCannotBeReadHasNoSummary() {
    assertThat(summary("SELEC * FROM t")).isNull();
    assertThat(summary("hello world")).isNull();
    assertThat(summary("")).isNull();
    assertThat(summary(null)).isNull();
  }

  @Test
  void literalsAndCommentsNeverReachTheSummary() {
    assertThat(summary("SELECT 'secret' FROM t /* FROM hidden */ WHERE a = 'FROM x' -- JOIN y"))
        .isEqualTo("SELECT t");
    assertThat(summary("SELECT * FROM \"song list\", 'artists'")).isEqualTo("SELECT \"song list\"");
  }

  @Test
  void summarizesEveryStatementOfAStringInOrder() {
    assertThat(summary("SELECT 1; DELETE FROM t; INSERT INTO u VALUES (1)"))
        .isEqualTo("SELECT DELETE t INSERT u");
    assertThat(summary("BEGIN; UPDATE t SET a = 1; COMMIT;")).isEqualTo("BEGIN UPDATE t COMMIT");
    assertThat(summary("SELECT * FROM a; SELEC x")).isEqualTo("SELECT a");
  }

  @Test
  void cutsBetweenPartsAt255Characters() {
    StringBuilder sql = new StringBuilder("SELECT * FROM t0");
    for (int i = 1; i < 100; i++) {
      sql.append(" JOIN table_number_").append(i).append(" ON 1 = 1");
    }

    String summary = summary(sql.toString());

    assertThat(summary).hasSizeLessThanOrEqualTo(255).startsWith("SELECT t0 table_number_1 ");
    assertThat(summary).endsWith(" table_number_" + (summary.split(" ").length - 2));
    assertThat(summary.length() + " table_number_NN".length()).isGreaterThan(255);
  }

  @Test
  void summarizesStatementsTooLongToParse() {
    StringBuilder sql = new StringBuilder("INSERT INTO big (a) SELECT a FROM src WHERE a IN (0");
    for (int i = 1; sql.length() <= SqlClassifier.PARSE_LIMIT * 2; i++) {
      sql.append(" + ").append("col_").append(i);
    }
    sql.append(")");

    assertThat(summary(sql.toString())).isEqualTo("INSERT big SELECT src");
  }

  @Test
  void summarizesWhatJsqlParserCannotRead() {
    assertThat(summary("SET search_path TO a, b")).isEqualTo("SET");
    assertThat(summary("CREATE TABLE kv (k TEXT PRIMARY KEY) WITHOUT ROWID"))
        .isEqualTo("CREATE TABLE kv");
    assertThat(summary("PRAGMA table_info(users)")).isEqualTo("PRAGMA");
  }

  @Test
  void summarizesTheTextAsTheDialectReadsIt() {
    assertThat(
            SqlClassifier.classify("SELECT * FROM `t` WHERE a = \"FROM x\"", Dialect.MYSQL)
                .querySummary())
        .isEqualTo("SELECT `t`");
  }

  @Test
  void statementsDifferingOnlyInLiteralsShareOneSummary() {
    SqlInfo first = SqlClassifier.classify("SELECT * FROM summary_cache WHERE id = 1");
    SqlInfo second = SqlClassifier.classify("SELECT * FROM summary_cache WHERE id = 2");

    assertThat(second.querySummary()).isSameAs(first.querySummary());
  }
}
