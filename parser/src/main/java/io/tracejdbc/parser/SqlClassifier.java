package io.tracejdbc.parser;

import java.util.List;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * Classifies SQL statements: operation name, tables and sanitized text.
 *
 * <pre>{@code
 * SqlInfo info = SqlClassifier.classify("INSERT INTO orders (id, total) VALUES (7, 9.5)");
 * info.operation();    // "insert"
 * info.tables();       // ["orders"]
 * info.sanitizedSql(); // "INSERT INTO orders (id, total) VALUES (?, ?)"
 * }</pre>
 *
 * <p>JSqlParser reads the statement, on the calling thread; what it cannot read is classified by
 * its leading keywords. Results are cached by sanitized text, so statements that differ only in
 * literals share one parse. Thread-safe, never throws, never starts a thread.
 */
public final class SqlClassifier {
  /**
   * Longer sanitized statements skip JSqlParser, whose cost grows with length: about 1 us per
   * character for typical SQL, 2 us for multi-row VALUES (measured on JSqlParser 5.4).
   */
  static final int PARSE_LIMIT = 4096;

  /** Deeper parenthesis nesting skips JSqlParser: 64 levels cost it 1.5 ms, 500 levels 150 ms. */
  static final int NESTING_LIMIT = 32;

  static final int CACHE_CAPACITY = 2048;

  static final ParseCache CACHE = new ParseCache(CACHE_CAPACITY);

  private static final SqlInfo EMPTY = new SqlInfo(KeywordClassifier.TEXTCLAUSE, List.of(), "");

  private SqlClassifier() {}

  /** How a database reads quotes and comments, which decides what text is data. */
  public enum Dialect {
    /**
     * Standard SQL, as PostgreSQL, SQLite, H2, Oracle and SQL Server read it: {@code 'x'} is a
     * string, {@code "x"} a name.
     */
    STANDARD,
    /**
     * MySQL and MariaDB: {@code "x"} is a string too (names are quoted with backticks), and
     * {@code #} starts a comment.
     */
    MYSQL
  }

  /**
   * Classifies {@code sql} as standard SQL. Never throws: SQL that cannot be read (or {@code
   * null}) is a {@code textclause} with no tables.
   */
  public static SqlInfo classify(String sql) {
    return classify(sql, Dialect.STANDARD);
  }

  /**
   * Classifies {@code sql} as {@code dialect} reads it:
   *
   * <pre>{@code
   * SqlClassifier.classify("SELECT * FROM users WHERE name = \"bob\"", Dialect.MYSQL)
   *     .sanitizedSql(); // "SELECT * FROM users WHERE name = ?"
   * }</pre>
   *
   * <p>Never throws: SQL that cannot be read (or {@code null}) is a {@code textclause} with no
   * tables.
   */
  public static SqlInfo classify(String sql, Dialect dialect) {
    if (sql == null) {
      return EMPTY;
    }
    try {
      String sanitized = SqlSanitizer.sanitize(sql, dialect);
      if (sanitized.isEmpty()) {
        return EMPTY;
      }
      if (!isCheapToParse(sanitized)) {
        return KeywordClassifier.classify(sanitized);
      }
      SqlInfo cached = CACHE.get(sanitized);
      if (cached != null) {
        return cached;
      }
      SqlInfo info = analyze(sanitized, sql);
      CACHE.put(sanitized, info);
      return info;
    } catch (RuntimeException e) {
      // classification runs inside the user's query: a bug here must not fail it
      return EMPTY;
    }
  }

  /**
   * {@code text} with its SQL literals replaced by {@code ?}, whitespace collapsed and comments
   * dropped, as in {@link SqlInfo#sanitizedSql()}; for any text that may quote SQL, such as a
   * driver's error message:
   *
   * <pre>{@code
   * SqlClassifier.sanitize("Key (id)=(42) already exists."); // "Key (id)=(?) already exists."
   * }</pre>
   *
   * <p>Never throws: {@code null} gives {@code ""}, and so does text the sanitizer trips on.
   */
  public static String sanitize(String text) {
    if (text == null) {
      return "";
    }
    try {
      return SqlSanitizer.sanitize(text, Dialect.STANDARD);
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static boolean isCheapToParse(String sanitized) {
    if (sanitized.length() > PARSE_LIMIT) {
      return false;
    }
    int depth = 0;
    for (int i = 0; i < sanitized.length(); i++) {
      char c = sanitized.charAt(i);
      if (c == '(' && ++depth > NESTING_LIMIT) {
        return false;
      } else if (c == ')') {
        depth--;
      }
    }
    return true;
  }

  private static SqlInfo analyze(String sanitized, String original) {
    Statement statement = parse(sanitized);
    if (statement == null && original.length() <= PARSE_LIMIT) {
      // JSqlParser reads some DDL only with its literals, as in VARCHAR(255)
      statement = parse(original);
    }
    String operation = statement == null ? null : StatementNames.of(statement);
    if (operation == null) {
      return KeywordClassifier.classify(sanitized);
    }
    return new SqlInfo(operation, StatementTables.of(statement), sanitized);
  }

  /** Parses on the calling thread: {@code CCJSqlParserUtil.parse} would start a thread per call. */
  private static Statement parse(String sql) {
    try {
      return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statement();
    } catch (Throwable e) {
      return null;
    }
  }
}
