package io.tracejdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.parser.SqlClassifier.Dialect;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where the {@code sqlCommenter} comment goes in a statement, as each database reads its text:
 * after the last token, before a final {@code ;}, and nowhere when it would land inside a string, a
 * quoted name or a comment, follow another comment, or break a JDBC escape call.
 */
class SqlCommentPlacementTest {
  private static final String C = "/*k='v'*/";

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '^',
      value = {
        "SELECT 1 => STANDARD => SELECT 1 /*k='v'*/",
        "SELECT 1; => STANDARD => SELECT 1 /*k='v'*/;",
        "^SELECT 1 ;  ^ => POSTGRESQL => ^SELECT 1 /*k='v'*/ ;  ^",
        "SELECT 'a;b' FROM t => STANDARD => SELECT 'a;b' FROM t /*k='v'*/",
        "SELECT 'it''s' => SQLITE => SELECT 'it''s' /*k='v'*/",
        "SELECT 1; SELECT 2 => STANDARD => SELECT 1; SELECT 2 /*k='v'*/",
        "SELECT /* note */ 1 => STANDARD => SELECT /* note */ 1 /*k='v'*/",
        "SELECT $$a$$ || $q$b$q$ => POSTGRESQL => SELECT $$a$$ || $q$b$q$ /*k='v'*/",
        "SELECT $1 => POSTGRESQL => SELECT $1 /*k='v'*/",
        "SELECT E'\\'' || 'x' => POSTGRESQL => SELECT E'\\'' || 'x' /*k='v'*/",
        "SELECT 'a\\' || 'b' => POSTGRESQL => SELECT 'a\\' || 'b' /*k='v'*/",
        "SELECT 'a\\'b' => MYSQL => SELECT 'a\\'b' /*k='v'*/",
        "SELECT `a``b` FROM t => MYSQL => SELECT `a``b` FROM t /*k='v'*/",
        "SELECT [a]]b] FROM t => SQLSERVER => SELECT [a]]b] FROM t /*k='v'*/",
        "SELECT {fn now()} => STANDARD => SELECT {fn now()} /*k='v'*/",
      })
  void theCommentGoesAfterTheLastToken(String sql, Dialect dialect, String commented) {
    assertThat(SqlCommenter.append(sql, C, dialect)).isEqualTo(commented);
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '^',
      value = {
        "SELECT 1 /* mine */ => STANDARD",
        "SELECT 1 /*traceparent='00-a-b-01'*/ => POSTGRESQL",
        "SELECT 1 -- mine => STANDARD",
        "SELECT 1 # mine => MYSQL",
        "CREATE TABLE t (a INT) /*!50100 ENGINE=InnoDB */ => MYSQL",
        "SELECT 1 /*!99999 x */; => MYSQL",
        "SELECT 'open => STANDARD",
        "SELECT 'a\\' => MYSQL",
        "SELECT \"open => STANDARD",
        "SELECT $$ open => POSTGRESQL",
        "SELECT 1 /* /* nested */ still open => POSTGRESQL",
        "{call p(?)} => STANDARD",
        "^ { ? = call f(?) }^ => POSTGRESQL",
        "^   ^ => STANDARD",
        "^^ => STANDARD",
        "; => STANDARD",
        "SELECT 1 => UNKNOWN",
      })
  void theTextIsLeftAsWrittenWhereACommentMayNotGo(String sql, Dialect dialect) {
    String text = sql == null ? "" : sql;
    assertThat(SqlCommenter.append(text, C, dialect)).isSameAs(text);
  }

  @Test
  void aStatementWhoseLastLineIsACommentIsLeftAsWritten() {
    String sql = "SELECT 1 -- mine\n";
    assertThat(SqlCommenter.append(sql, C, Dialect.STANDARD)).isSameAs(sql);
  }

  @Test
  void theCommentMaySitAfterAFinishedNonNestingComment() {
    // MySQL and SQLite end a block comment at the first */, whatever opened inside it
    assertThat(SqlCommenter.append("SELECT /* /* */ 1", C, Dialect.MYSQL))
        .isEqualTo("SELECT /* /* */ 1 " + C);
  }

  @Test
  void keysAreSortedAndKeysAndValuesPercentEncoded() {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("tracestate", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
    context.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    context.put("odd key", "it's */ done");
    assertThat(SqlCommenter.comment(context))
        .isEqualTo(
            "/*odd%20key='it%27s%20*%2F%20done',"
                + "traceparent='00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',"
                + "tracestate='congo%3Dt61rcWkgMzE%2Crojo%3D00f067aa0ba902b7'*/");
  }

  @Test
  void anEmptyContextGivesNoComment() {
    assertThat(SqlCommenter.comment(Map.of())).isNull();
    assertThat(SqlCommenter.append("SELECT 1", null, Dialect.STANDARD)).isEqualTo("SELECT 1");
  }
}
