package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.parser.SqlClassifier.Dialect;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * JSqlParser is the oracle of the fast tier: on every corpus statement, thousands of generated ones
 * and tens of thousands of random token sequences, wherever the fast tier answers, its answer
 * (operation, first table, tables) is the one JSqlParser's tier gives, so a statement gets the same
 * name whichever tier answers it.
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
    List<String> disagreements = new ArrayList<>();
    for (String sql : statements) {
      String sanitized = SqlSanitizer.sanitize(sql, Dialect.STANDARD);
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
    int answered = 0;
    for (String sql : statements) {
      if (FastClassifier.classify(SqlSanitizer.sanitize(sql, Dialect.STANDARD)) != null) {
        answered++;
      }
    }
    return answered;
  }

  private static SqlInfo parserTier(String statement, String original) {
    return ParserTier.classify(statement, original);
  }

  private static String summary(SqlInfo info) {
    return info.operation() + " " + info.tables();
  }
}
