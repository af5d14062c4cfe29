package io.tracejdbc.driver.internal.url;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.parser.SqlClassifier;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * From URL to dialect to sanitized text: for URLs behind wrapping drivers and of databases the URL
 * parsers do not know, random statements written with the literals and comments the database behind
 * reads keep none of them. Keywords and names are lower case without digits; every literal and
 * comment holds upper case, digits, quotes and backslashes, written as that database escapes them.
 */
class WrappedUrlsHideLiteralsTest {
  private static final int STATEMENTS = 3_000;
  private static final Pattern LITERAL_TEXT = Pattern.compile("[A-Z0-9]");
  private static final String CONTENT = "ABXYZ019 '\"\\$#-/*[]`;\n";
  private static final String[] WORDS = {
    "select", "from", "where", "and", "or", "in", "as", "values", "insert", "into", "c_a", "t.c_b"
  };
  private static final String[] OPERATORS = {"=", "<>", "+", "-", "*", "/", ",", "(", ")", "?"};

  /** How a database writes one literal or comment whose text is {@code content}. */
  private interface Form extends Function<String, String> {}

  private static final Form STANDARD = c -> "'" + c.replace("'", "''") + "'";
  private static final Form BACKSLASH =
      c -> "'" + c.replace("\\", "\\\\").replace("'", "\\'") + "'";
  private static final Form DOUBLE_QUOTED =
      c -> "\"" + c.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  private static final Form DOLLAR = c -> "$$" + c.replace("$", "") + "$$";
  private static final Form TAGGED_DOLLAR = c -> "$q$" + c.replace("$", "") + "$q$";
  private static final Form POSTGRESQL_ESCAPE = c -> "E" + BACKSLASH.apply(c);
  private static final Form NATIONAL = c -> "N" + STANDARD.apply(c);
  private static final Form TRIPLE_QUOTED = c -> "'''" + c.replace("'", "") + "'''";
  private static final Form LINE_COMMENT = c -> "-- " + c.replace("\n", " ") + "\n";
  private static final Form HASH_COMMENT = c -> "# " + c.replace("\n", " ") + "\n";
  private static final Form SLASH_COMMENT = c -> "// " + c.replace("\n", " ") + "\n";
  private static final Form BLOCK_COMMENT = c -> "/* " + c.replace("*/", "") + " */";
  private static final Form NESTED_COMMENT = c -> "/* a /* " + c.replace("*/", "") + " */ b */";

  static Stream<Arguments> urls() {
    List<Form> mysql = List.of(BACKSLASH, DOUBLE_QUOTED, HASH_COMMENT, LINE_COMMENT);
    List<Form> postgresql =
        List.of(STANDARD, POSTGRESQL_ESCAPE, DOLLAR, TAGGED_DOLLAR, NESTED_COMMENT, LINE_COMMENT);
    List<Form> backslashAndDollars =
        List.of(BACKSLASH, DOLLAR, TAGGED_DOLLAR, BLOCK_COMMENT, LINE_COMMENT);
    return Stream.of(
        Arguments.of("jdbc:aws-wrapper:mariadb://db.example/shop", mysql),
        Arguments.of("jdbc:p6spy:mysql://db.example/shop", mysql),
        Arguments.of("jdbc:tc:mysql:8.0.36:///shop", mysql),
        Arguments.of("jdbc:log4jdbc:postgresql://db.example/shop", postgresql),
        Arguments.of("jdbc:aws-wrapper:postgresql://db.example/shop", postgresql),
        Arguments.of("jdbc:tc:postgis:16-3.4:///shop", postgresql),
        Arguments.of("jdbc:otel:sqlserver://db.example;databaseName=shop", List.of(NATIONAL)),
        Arguments.of("jdbc:p6spy:sqlite:app.db", List.of(STANDARD, BLOCK_COMMENT)),
        Arguments.of("jdbc:clickhouse://db.example:8123/shop", backslashAndDollars),
        Arguments.of(
            "jdbc:snowflake://acct.snowflakecomputing.com/?db=shop",
            List.of(BACKSLASH, DOLLAR, SLASH_COMMENT, BLOCK_COMMENT)),
        Arguments.of("jdbc:redshift://db.example:5439/shop", backslashAndDollars),
        Arguments.of(
            "jdbc:bigquery://https://www.googleapis.com/bigquery/v2:443;ProjectId=p",
            List.of(DOUBLE_QUOTED, BACKSLASH, TRIPLE_QUOTED, HASH_COMMENT)),
        Arguments.of(
            "jdbc:aws-wrapper:foo://db.example/shop",
            List.of(
                STANDARD,
                BACKSLASH,
                DOUBLE_QUOTED,
                DOLLAR,
                NESTED_COMMENT,
                HASH_COMMENT,
                SLASH_COMMENT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("urls")
  void noLiteralOfTheDatabaseBehindTheUrlIsKept(String url, List<Form> forms) {
    SqlClassifier.Dialect dialect = DbInfo.parse(url, null).dialect;
    Random random = new Random(url.hashCode());
    for (int n = 0; n < STATEMENTS; n++) {
      StringBuilder sql = new StringBuilder();
      boolean afterLiteral = false;
      for (int tokens = 1 + random.nextInt(20); tokens > 0; tokens--) {
        int kind = random.nextInt(3);
        switch (kind) {
          case 0 -> sql.append(WORDS[random.nextInt(WORDS.length)]);
          case 1 -> sql.append(OPERATORS[random.nextInt(OPERATORS.length)]);
          default -> {
            // PostgreSQL reads two strings apart only by whitespace and comments, with a newline,
            // as one literal with the first one's escapes: the forms do not model that, so an
            // operator stands between two literals or comments
            if (afterLiteral) {
              sql.append("+ ");
            }
            sql.append(forms.get(random.nextInt(forms.size())).apply(content(random)));
          }
        }
        afterLiteral = kind == 2;
        sql.append(random.nextBoolean() ? " " : "\n");
      }
      assertThat(SqlClassifier.classify(sql.toString(), dialect).sanitizedSql())
          .as("%s (%s): %s", url, dialect, sql)
          .doesNotContainPattern(LITERAL_TEXT);
    }
  }

  private static String content(Random random) {
    StringBuilder text = new StringBuilder("Q");
    for (int n = random.nextInt(12); n > 0; n--) {
      text.append(CONTENT.charAt(random.nextInt(CONTENT.length())));
    }
    return text.toString();
  }
}
