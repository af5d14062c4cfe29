package io.tracejdbc.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracejdbc.parser.SqlClassifier.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random statements from a grammar of every literal form each dialect has (strings continued across
 * a newline too), identifiers (plain and quoted), comments (H2's {@code //} too) and operators.
 * Keywords and identifiers are lower case without digits, and every literal and comment holds
 * upper-case letters or digits, so the property is simple: the sanitized text (what {@link
 * SqlInfo#sanitizedSql()} reports) holds no upper-case letter and no digit, and every identifier as
 * written.
 */
class SanitizerFuzzTest {
  private static final int STATEMENTS = 4_000;
  private static final Pattern LITERAL_TEXT = Pattern.compile("[A-Z0-9É]|😀");

  private static final String[] KEYWORDS = {
    "select",
    "from",
    "where",
    "and",
    "or",
    "not",
    "in",
    "like",
    "is",
    "null",
    "as",
    "on",
    "join",
    "order",
    "by",
    "group",
    "having",
    "limit",
    "values",
    "insert",
    "into",
    "update",
    "set",
    "delete",
    "case",
    "when",
    "then",
    "else",
    "end",
    "between",
    "exists",
    "interval",
    "escape",
    "offset",
    "fetch",
    "rows",
    "only",
    "with",
    "union",
    "all",
    "distinct",
    "array"
  };
  private static final String[] OPERATORS = {
    "=", "<>", "<", ">=", "+", "-", "*", "/", "||", ",", "(", ")", "?", "::", "%", ";"
  };

  /** What string contents are made of; quotes and backslashes are added per dialect. */
  private static final String CONTENT = "ABCXYZ0123456789 -/*#;'\"`[]$(),?.:_\n\tÉ😀";

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
  void noLiteralOrCommentSurvivesAndEveryIdentifierDoes(Dialect dialect) {
    Random random = new Random(7_000 + dialect.ordinal());
    for (int n = 0; n < STATEMENTS; n++) {
      Statement statement = new Statement(dialect, random);
      String sanitized = SqlSanitizer.sanitize(statement.sql, dialect);

      if (LITERAL_TEXT.matcher(sanitized).find()
          || !statement.identifiers.stream().allMatch(sanitized::contains)) {
        assertThat(sanitized)
            .as("%s: %s", dialect, statement.sql)
            .doesNotContainPattern(LITERAL_TEXT)
            .contains(statement.identifiers);
      }
    }
  }

  /**
   * A database whose reading is not known may read text as any of the dialects does: statements of
   * every dialect, sanitized as {@link Dialect#UNKNOWN}, keep none of their literals or comments
   * (quoted identifiers may go with them).
   */
  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
  void anUnknownDatabaseKeepsNoLiteralOfAnyDialect(Dialect written) {
    Random random = new Random(9_000 + written.ordinal());
    for (int n = 0; n < STATEMENTS; n++) {
      Statement statement = new Statement(written, random);
      assertThat(SqlSanitizer.sanitize(statement.sql, Dialect.UNKNOWN))
          .as("%s read as UNKNOWN: %s", written, statement.sql)
          .doesNotContainPattern(LITERAL_TEXT);
    }
  }

  /** One random statement of a dialect and the identifiers in it. */
  private static final class Statement {
    final List<String> identifiers = new ArrayList<>();
    final String sql;
    private final Dialect dialect;
    private final Random random;

    Statement(Dialect dialect, Random random) {
      this.dialect = dialect;
      this.random = random;
      boolean continuesStrings = dialect == Dialect.POSTGRESQL || dialect == Dialect.STANDARD;
      boolean afterString = false;
      StringBuilder sql = new StringBuilder();
      for (int tokens = 1 + random.nextInt(30); tokens > 0; tokens--) {
        String token = token();
        if (continuesStrings && afterString && token.startsWith("'")) {
          // else the database reads the two strings as one, which continued() generates on purpose
          sql.append("|| ");
        }
        if (!token.startsWith("--")) {
          afterString = token.endsWith("'");
        }
        sql.append(token).append(whitespace());
      }
      this.sql = sql.toString();
    }

    private String token() {
      switch (random.nextInt(6)) {
        case 0:
          return pick(KEYWORDS);
        case 1:
          return pick(OPERATORS);
        case 2:
          String identifier = identifier();
          identifiers.add(identifier);
          return identifier;
        case 3:
          return comment();
        default:
          return literal();
      }
    }

    private String whitespace() {
      return pick(new String[] {" ", " ", " ", "\n", "\t", "  ", "\r\n"});
    }

    private String name() {
      StringBuilder name = new StringBuilder("c_");
      for (int n = 1 + random.nextInt(6); n > 0; n--) {
        name.append((char) ('a' + random.nextInt(26)));
      }
      return name.toString();
    }

    private String identifier() {
      String name = name();
      switch (random.nextInt(5)) {
        case 0:
          return dialect == Dialect.MYSQL ? name : "\"" + name + " x\"\"y\"";
        case 1:
          return dialect == Dialect.MYSQL || dialect == Dialect.SQLITE
              ? "`" + name + " x``y`"
              : name;
        case 2:
          if (dialect == Dialect.SQLSERVER) {
            return "[" + name + " x]]y]";
          }
          return dialect == Dialect.SQLITE ? "[" + name + " x]" : name;
        case 3:
          return name + "." + name();
        default:
          return name;
      }
    }

    private String comment() {
      String text = content("*/").replace("\n", " ").replace("\r", " ");
      switch (random.nextInt(4)) {
        case 0:
          return (dialect == Dialect.STANDARD && random.nextBoolean() ? "// " : "-- ")
              + text
              + "\n";
        case 1:
          return dialect == Dialect.MYSQL ? "# " + text + "\n" : "/*" + text + "*/";
        case 2:
          boolean nests = dialect != Dialect.MYSQL && dialect != Dialect.SQLITE;
          return nests ? "/* A /* " + text + " */ don't */" : "/* A " + text + " */";
        default:
          return "/*" + text + "*/";
      }
    }

    private String literal() {
      switch (random.nextInt(dialect == Dialect.MYSQL ? 16 : 15)) {
        case 0:
          return String.valueOf(random.nextInt(100_000));
        case 1:
          return random.nextInt(1000) + "." + random.nextInt(1000);
        case 2:
          return "." + random.nextInt(100) + (random.nextBoolean() ? "E-" + random.nextInt(9) : "");
        case 3:
          return random.nextInt(10) + "e" + (random.nextBoolean() ? "+" : "") + random.nextInt(40);
        case 4:
          return pick(
              new String[] {"0x1F", "0XAB", "X'0F'", "x'ab'", "0b101010", "b'1010'", "B'1'"});
        case 5:
          return "DATE '2024-01-0" + random.nextInt(10) + "'";
        case 6:
          return "N" + (dialect == Dialect.MYSQL ? escapedString('\'') : standardString());
        case 7:
          return dollarOrAlternative();
        case 8:
          boolean escapes =
              dialect == Dialect.POSTGRESQL
                  || dialect == Dialect.STANDARD
                  || dialect == Dialect.MYSQL;
          return "E" + (escapes ? escapedString('\'') : standardString());
        case 9:
          return dialect == Dialect.SQLSERVER ? "$" + random.nextInt(100) + ".5" : "-7";
        case 14:
          return dialect == Dialect.MYSQL ? escapedString('"') : continued();
        case 15:
          return "_utf8mb4" + escapedString('\'');
        default:
          return dialect == Dialect.MYSQL ? escapedString('\'') : standardString();
      }
    }

    /**
     * Where strings continue across a newline (PostgreSQL, the standard): two or three parts, read
     * as the first is, an {@code E'..'} with backslash escapes in every part.
     */
    private String continued() {
      if (dialect != Dialect.POSTGRESQL && dialect != Dialect.STANDARD) {
        return standardString();
      }
      boolean escapes = random.nextBoolean();
      StringBuilder text =
          new StringBuilder(escapes ? "E" + escapedString('\'') : standardString());
      for (int n = 1 + random.nextInt(2); n > 0; n--) {
        text.append(pick(new String[] {"\n", " \n\t", "\r\n", " -- " + content("\r\n") + "\n"}))
            .append(escapes ? escapedString('\'') : standardString());
      }
      return text.toString();
    }

    /** A string as the dialect reads plain strings: doubled quotes, backslashes as they come. */
    private String standardString() {
      return "'" + content("").replace("'", "''") + (random.nextBoolean() ? "\\'" : "'");
    }

    /** A string in which a backslash escapes: MySQL's, or PostgreSQL's {@code E'..'}. */
    private String escapedString(char quote) {
      StringBuilder text = new StringBuilder().append(quote);
      for (int n = random.nextInt(12); n > 0; n--) {
        switch (random.nextInt(5)) {
          case 0:
            text.append('\\').append(quote);
            break;
          case 1:
            text.append("\\\\");
            break;
          case 2:
            text.append(quote).append(quote);
            break;
          default:
            text.append(content("\\'\""));
        }
      }
      return text.append(quote).toString();
    }

    private String dollarOrAlternative() {
      if (dialect == Dialect.MYSQL) {
        return "'" + content("\\'") + "'";
      }
      if (dialect == Dialect.STANDARD && random.nextBoolean()) {
        return "q'[" + content("]") + "it's]'";
      }
      return random.nextBoolean()
          ? "$$" + content("$") + "$$"
          : "$tag$" + content("$") + "'$$ $tag$";
    }

    /** Random upper-case content, at least one marker letter, without any of {@code avoid}. */
    private String content(String avoid) {
      StringBuilder text = new StringBuilder("Q");
      for (int n = random.nextInt(16); n > 0; n--) {
        int c =
            CONTENT.codePointAt(
                CONTENT.offsetByCodePoints(
                    0, random.nextInt(CONTENT.codePointCount(0, CONTENT.length()))));
        if (avoid.indexOf(c) < 0 && !(c == '/' && avoid.contains("*/"))) {
          text.appendCodePoint(c);
        }
      }
      return text.toString();
    }

    private String pick(String[] options) {
      return options[random.nextInt(options.length)];
    }
  }
}
