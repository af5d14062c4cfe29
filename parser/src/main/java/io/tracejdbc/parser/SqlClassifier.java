package io.tracejdbc.parser;

import java.util.List;

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
 * <p>One pass of a lexer sanitizes the text as the {@link Dialect}'s database reads it. A fast tier
 * then classifies the common statements from their tokens, where it is certain to give JSqlParser's
 * answer; JSqlParser reads the others, on the calling thread; what it cannot read is classified by
 * its leading keywords. Results are cached by the text as given and by sanitized text, so
 * statements that differ only in literals share one classification; both levels are bounded.
 * Thread-safe, never throws, never starts a thread.
 */
public final class SqlClassifier {
  /**
   * Longer sanitized texts skip JSqlParser, whose cost grows with length: about 1 us per character
   * for typical SQL, 2 us for multi-row VALUES (measured on JSqlParser 5.4). The fast tier reads
   * them.
   */
  static final int PARSE_LIMIT = 4096;

  /**
   * Deeper nesting of parentheses and brackets skips both tiers, whose readers recurse on it:
   * JSqlParser's cost grows steeply with depth (64 parentheses cost it 1.5 ms, 500 cost 150 ms,
   * 2,000 unclosed brackets up to a second; measured on JSqlParser 5.4), other nesting (CASE,
   * operators) costs it no more than length does.
   */
  static final int NESTING_LIMIT = 32;

  /** Entries of each cache level: 10,000 statements in use fit. */
  static final int CACHE_ENTRIES = 12_288;

  /** Characters of statement text each cache level holds: 10,000 of 200 characters fit. */
  static final int CACHE_CHARS = 2 << 20;

  /** Level one: by the text as given, so a repeated text costs a lookup, not a sanitize. */
  static final ClassificationCache BY_TEXT = new ClassificationCache(CACHE_ENTRIES, CACHE_CHARS);

  /** Level two: by sanitized text, shared by texts that differ only in literals or spacing. */
  static final ClassificationCache BY_SANITIZED =
      new ClassificationCache(CACHE_ENTRIES, CACHE_CHARS);

  private static final SqlInfo EMPTY = new SqlInfo(KeywordClassifier.TEXTCLAUSE, List.of(), "");

  private SqlClassifier() {}

  /**
   * How a database reads quotes, backslashes, brackets and comments, which decides what text is
   * data. Pick the one of the connection's database; {@link #UNKNOWN} for one not named here.
   */
  public enum Dialect {
    /**
     * Standard SQL, as H2, Oracle, Db2, Derby and HSQLDB read it: {@code 'x'} is a string in which
     * a backslash is a character ({@code E'x'} reads it as an escape), {@code "x"} a name, {@code
     * [x]} an array subscript; block comments nest; {@code $$x$$} and Oracle's {@code q'[x]'} are
     * strings.
     */
    STANDARD,
    /**
     * MySQL and MariaDB: {@code "x"} is a string too and a backslash escapes in every string; names
     * are quoted with backticks; {@code #} starts a comment; block comments do not nest; {@code $}
     * is a letter; digits that run into letters ({@code 1st}) are a name.
     */
    MYSQL,
    /**
     * PostgreSQL: a backslash is a character in {@code 'x'} (standard_conforming_strings, the
     * default since 9.1) and an escape in {@code E'x'}; {@code $$x$$} and {@code $tag$x$tag$} are
     * strings, {@code $1} a parameter; block comments nest.
     */
    POSTGRESQL,
    /**
     * SQLite: {@code "x"}, {@code [x]} and backticks quote names; a backslash is a character; block
     * comments do not nest. SQLite reads a double-quoted word that names no column as a string; the
     * sanitizer cannot know the schema and keeps it, as a name.
     */
    SQLITE,
    /**
     * SQL Server and Sybase: {@code [x]} quotes a name ({@code ]]} inside it is one {@code ]}), a
     * backslash is a character, {@code $12.50} is a money value; block comments nest.
     */
    SQLSERVER,
    /**
     * A database whose reading is not known: no literal that any of the others, or a database that
     * reads {@code "x"} as a string and a backslash as an escape (BigQuery, Spark, ClickHouse,
     * Snowflake), would read as one is kept. {@code "x"} is a string; {@code #}, {@code --} and
     * {@code //} start comments. Where the readings disagree on where a string, comment or quoted
     * name ends ({@code 'it\'s'}, a nested comment, a quote inside a {@code #} comment or
     * backticks), the rest of the text becomes one {@code ?}. Quoted names are lost with it.
     */
    UNKNOWN
  }

  /**
   * Classifies {@code sql} as standard SQL. Never throws: SQL that cannot be read (or {@code null})
   * is a {@code textclause} with no tables.
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
      ClassificationCache.Entry known = BY_TEXT.get(sql);
      if (known != null && known.dialect == dialect) {
        return known.info;
      }
      SqlSanitizer sanitizer = new SqlSanitizer(sql, dialect);
      String sanitized = sanitizer.run();
      ClassificationCache.Entry shape = BY_SANITIZED.get(sanitized);
      if (shape == null) {
        if (!isCheapToParse(sanitized)) {
          return summarized(KeywordClassifier.classify(sanitized));
        }
        shape =
            new ClassificationCache.Entry(
                sanitized, summarized(TieredClassifier.classify(sanitized, sql)), null);
        BY_SANITIZED.put(shape);
      }
      remember(sql, dialect, sanitizer.removedText(), shape);
      return shape.info;
    } catch (Throwable e) {
      // classification runs inside the user's query: nothing here may fail it
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
    } catch (Throwable e) {
      return "";
    }
  }

  /**
   * Whether the tiers may read {@code text}: parentheses and brackets nest in it no deeper than
   * {@link #NESTING_LIMIT}. (Its length is JSqlParser's concern only: see {@link #PARSE_LIMIT}.)
   */
  static boolean nestsWithinLimit(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        if (++depth > NESTING_LIMIT) {
          return false;
        }
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      }
    }
    return true;
  }

  /**
   * Caches {@code sql} as given when it cannot flood level one: a text without literals or comments
   * is its statement's only form, and any other text enters on its second sight in a row for its
   * sanitized form (a text whose literals change with every call never does).
   */
  private static void remember(
      String sql, Dialect dialect, boolean removedText, ClassificationCache.Entry shape) {
    int hash = sql.hashCode();
    if (!removedText || shape.lastTextHash == hash) {
      BY_TEXT.put(new ClassificationCache.Entry(sql, shape.info, dialect));
    } else {
      shape.lastTextHash = hash;
    }
  }

  /**
   * {@code info} with its query summary and stored procedure; none for a statement that cannot be
   * read, and none when the summary's walk trips, which costs the summary only.
   */
  private static SqlInfo summarized(SqlInfo info) {
    if (info.operation().equals(KeywordClassifier.TEXTCLAUSE)) {
      return info;
    }
    try {
      return info.with(QuerySummary.of(info.sanitizedSql(), info.tables()));
    } catch (RuntimeException e) {
      return info;
    }
  }

  private static boolean isCheapToParse(String sanitized) {
    return nestsWithinLimit(sanitized);
  }
}
