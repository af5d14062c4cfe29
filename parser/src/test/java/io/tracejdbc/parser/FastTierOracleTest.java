package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.parser.SqlClassifier.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSqlParser is the oracle of the fast tier: on every corpus statement, third-party statements
 * (sqlglot's tests), thousands of generated ones and tens of thousands of random token sequences,
 * wherever the fast tier answers, its answer (operation, first table, tables) is the one
 * JSqlParser's tier gives, so a statement gets the same name whichever tier answers it. Where
 * JSqlParser cannot read a statement the databases run, the fast tier answers as they read it.
 */
class FastTierOracleTest {
  private static final int GENERATED = 6_000;
  private static final int SOUP = 60_000;

  /** Keywords, names and symbols in random order: what the fast tier reads of it must be right. */
  private static final String[] SOUP_TOKENS = {
    "SELECT",
    "FROM",
    "WHERE",
    "JOIN",
    "ON",
    "(",
    ")",
    ",",
    "?",
    "\"x\"",
    "`y`",
    "a",
    "b.c",
    "WITH",
    "AS",
    "INSERT",
    "INTO",
    "VALUES",
    "UPDATE",
    "SET",
    "DELETE",
    "USING",
    "MERGE",
    "call",
    "=",
    "UNION",
    "ALL",
    "ORDER",
    "BY",
    "LIMIT",
    "CREATE",
    "TABLE",
    "INDEX",
    "DROP",
    "IF",
    "EXISTS",
    "RECURSIVE",
    "LEFT",
    "OUTER",
    "DISTINCT",
    "only",
    "$1",
    ":n",
    "t",
    "u",
    "x",
    "select",
    "from",
    "and",
    "in",
    "not",
    "null",
    "is",
    "exists",
    "group",
    "having",
    "case",
    "when",
    "then",
    "else",
    "end",
    "*",
    "+",
    "-",
    "TRUNCATE",
    "ALTER",
    "COLUMN",
    "REPLACE",
    "{",
    "}",
    ";",
    "."
  };

  /** The shapes a first sight is measured on; each must be the fast tier's. */
  static final List<String> COMMON_SHAPES =
      List.of(
          "select b1_0.id,b1_0.title,a1_0.id,a1_0.name from book b1_0 join author a1_0"
              + " on a1_0.id=b1_0.author_id where b1_0.title like ? escape '\\' order by b1_0.id"
              + " offset ? rows fetch first ? rows only",
          "insert into users (email,name,id) values (?,?,?)",
          "update users set email=?,name=?,version=? where id=? and version=?",
          "delete from users where id=?",
          "WITH recent AS (SELECT * FROM orders WHERE created_at > ?) SELECT r.id, u.name FROM recent r"
              + " JOIN users u ON u.id = r.user_id",
          "INSERT INTO counters (k, n) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET n = counters.n + 1",
          "select \"PUBLIC\".\"BOOK\".\"ID\", \"PUBLIC\".\"BOOK\".\"TITLE\" from \"PUBLIC\".\"BOOK\""
              + " join \"PUBLIC\".\"AUTHOR\" on \"PUBLIC\".\"AUTHOR\".\"ID\" ="
              + " \"PUBLIC\".\"BOOK\".\"AUTHOR_ID\" where \"PUBLIC\".\"BOOK\".\"ID\" = ?",
          "select o.id, o.total from orders o where o.total > (select avg(i.total) from orders i"
              + " where i.customer_id = o.customer_id)");

  @Test
  void theFastTierAnswersTheCommonShapesAsJsqlParserDoes() {
    for (String sql : COMMON_SHAPES) {
      String statement = SqlSanitizer.sanitize(sql, Dialect.POSTGRESQL);
      SqlInfo fast = FastClassifier.classify(statement);

      assertThat(fast).as(sql).isNotNull();
      assertThat(summary(fast)).as(sql).isEqualTo(summary(parserTier(statement, sql)));
    }
  }

  @Test
  void everyCorpusStatementTheFastTierAnswersGetsJsqlParsersAnswer() throws IOException {
    List<String> statements = new ArrayList<>();
    for (Arguments row : CorpusTest.corpus()) {
      statements.add((String) row.get()[0]);
    }

    assertThat(disagreements(statements)).isEmpty();
  }

  @Test
  void thirdPartyStatementsTheFastTierAnswersGetJsqlParsersAnswer() throws IOException {
    List<String> statements = new ArrayList<>();
    List<String> disagreements = new ArrayList<>();
    for (String line : lines("/third-party/sqlglot/identity.sql")) {
      statements.add(line);
    }
    disagreements.addAll(disagreements(statements, Dialect.STANDARD));
    int answered = answered(statements, Dialect.STANDARD);
    for (String line : lines("/third-party/sqlglot/dialects.tsv")) {
      String[] fields = line.split("\t", 2);
      Dialect dialect = dialect(fields[0]);
      disagreements.addAll(disagreements(List.of(fields[1]), dialect));
      answered += answered(List.of(fields[1]), dialect);
      statements.add(fields[1]);
    }

    assertThat(disagreements).isEmpty();
    assertThat(answered).as("statements the fast tier answers").isGreaterThan(1_000);
  }

  /**
   * Every table modifier the fast tier reads, with a table joined and one listed after it: it
   * answers each, with every table. Where JSqlParser reads the statement, it agrees; where it
   * cannot (said per row), the tables are those the database reads.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          SELECT * FROM t USE INDEX (i) JOIN u ON t.a = u.a, v                             | t u v
          SELECT * FROM t FORCE INDEX (i), u JOIN v ON true                                | t u v
          SELECT * FROM t x IGNORE KEY (i) JOIN u ON true, v                               | t u v
          SELECT * FROM t JOIN u FORCE INDEX (PRIMARY) ON t.a = u.a, v                     | t u v
          # JSqlParser cannot read a hint FOR JOIN, ORDER BY or GROUP BY, nor two hints
          SELECT * FROM t AS x USE INDEX FOR JOIN (i) JOIN u ON true, v                    | t u v
          SELECT * FROM t USE INDEX FOR ORDER BY (i) IGNORE INDEX (j), u JOIN v ON true    | t u v
          SELECT * FROM t WITH (NOLOCK) JOIN u WITH (INDEX(i)) ON true, v                  | t u v
          SELECT * FROM t TABLESAMPLE SYSTEM (10) JOIN u ON true, v                        | t u v
          SELECT * FROM t AS x TABLESAMPLE BERNOULLI (5) REPEATABLE (7), u JOIN v ON true  | t u v
          # SQL Server's sample: JSqlParser cannot read it
          SELECT * FROM t TABLESAMPLE (10 PERCENT) JOIN u ON true, v                       | t u v
          SELECT * FROM t PARTITION (p0, p1) JOIN u ON true, v                             | t u v
          # MySQL's partitions before an alias: JSqlParser cannot read them
          SELECT * FROM t PARTITION (p0) AS x, u JOIN v ON true                            | t u v
          SELECT * FROM t SAMPLE (10) JOIN u ON true, v                                    | t u v
          SELECT * FROM t x SAMPLE BLOCK (10) SEED (1), u JOIN v ON true                   | t u v
          SELECT * FROM t PIVOT (SUM(x) FOR y IN ('a', 'b')) p JOIN u ON true, v           | t u v
          SELECT * FROM t UNPIVOT (n FOR k IN (a, b)) p, u JOIN v ON true                  | t u v
          SELECT * FROM (SELECT * FROM t) PIVOT (SUM(x) FOR y IN ('a')) p, u JOIN v ON true | t u v
          SELECT * FROM employees@remote e, departments JOIN v ON true                     | employees@remote departments v
          SELECT * FROM s . t JOIN u ON true, v                                            | s.t u v
          """)
  void everyTableModifierKeepsTheTablesAfterIt(String sql, String tables) {
    String statement = SqlSanitizer.sanitize(sql, Dialect.STANDARD);
    SqlInfo fast = FastClassifier.classify(statement);
    SqlInfo parsed = ParserTier.classify(statement, sql);

    assertThat(fast).as(sql).isNotNull();
    assertThat(fast.tables()).containsExactly(tables.split(" "));
    if (parsed != null) {
      assertThat(summary(fast)).isEqualTo(summary(parsed));
    }
  }

  @Test
  void generatedStatementsTheFastTierAnswersGetJsqlParsersAnswer() {
    RandomStatements random = new RandomStatements(20_261_126);
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < GENERATED; i++) {
      statements.add(random.next());
    }
    List<String> disagreements = disagreements(statements);

    assertThat(disagreements).isEmpty();
    assertThat(answered(statements))
        .as("statements the fast tier answers")
        .isGreaterThan(GENERATED * 3 / 4);
  }

  @Test
  void tokenSoupTheFastTierAnswersGetsJsqlParsersAnswer() {
    Random random = new Random(11);
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < SOUP; i++) {
      StringBuilder sql = new StringBuilder();
      for (int n = 1 + random.nextInt(16); n > 0; n--) {
        sql.append(SOUP_TOKENS[random.nextInt(SOUP_TOKENS.length)]).append(' ');
      }
      statements.add(sql.toString());
    }

    assertThat(disagreements(statements)).isEmpty();
  }

  /**
   * Each statement where the fast tier's answer is not JSqlParser's, with both: where JSqlParser
   * reads the statement, the same operation and the same tables, the first one first; where it
   * cannot (BEGIN, {@code {call ...}}, ...), the operation the keywords give.
   */
  private static List<String> disagreements(List<String> statements) {
    return disagreements(statements, Dialect.STANDARD);
  }

  private static List<String> disagreements(List<String> statements, Dialect dialect) {
    List<String> disagreements = new ArrayList<>();
    for (String sql : statements) {
      String sanitized = SqlSanitizer.sanitize(sql, dialect);
      List<String> pieces = StatementSplitter.split(sanitized);
      for (String statement : pieces) {
        SqlInfo fast = FastClassifier.classify(statement);
        if (fast == null) {
          continue;
        }
        SqlInfo parsed = ParserTier.classify(statement, pieces.size() == 1 ? sql : null);
        boolean agrees =
            parsed == null
                ? fast.operation().equals(KeywordClassifier.classify(statement).operation())
                : summary(fast).equals(summary(parsed));
        if (!agrees) {
          disagreements.add(
              statement
                  + "\n  fast tier: "
                  + summary(fast)
                  + "\n  JSqlParser: "
                  + (parsed == null ? "cannot read it" : summary(parsed)));
        }
      }
    }
    return disagreements;
  }

  private static int answered(List<String> statements) {
    return answered(statements, Dialect.STANDARD);
  }

  private static int answered(List<String> statements, Dialect dialect) {
    int answered = 0;
    for (String sql : statements) {
      if (FastClassifier.classify(SqlSanitizer.sanitize(sql, dialect)) != null) {
        answered++;
      }
    }
    return answered;
  }

  /** The dialect sqlglot's name stands for; {@link Dialect#STANDARD} for the others. */
  private static Dialect dialect(String sqlglotName) {
    switch (sqlglotName) {
      case "mysql":
        return Dialect.MYSQL;
      case "postgres":
        return Dialect.POSTGRESQL;
      case "tsql":
        return Dialect.SQLSERVER;
      case "sqlite":
        return Dialect.SQLITE;
      default:
        return Dialect.STANDARD;
    }
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = FastTierOracleTest.class.getResourceAsStream(resource)) {
      return new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .collect(Collectors.toList());
    }
  }

  private static SqlInfo parserTier(String statement, String original) {
    return ParserTier.classify(statement, original);
  }

  private static String summary(SqlInfo info) {
    return info.operation() + " " + info.tables();
  }
}
