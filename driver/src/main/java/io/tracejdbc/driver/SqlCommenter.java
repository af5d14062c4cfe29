package io.tracejdbc.driver;

import io.tracejdbc.parser.SqlClassifier.Dialect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code sqlCommenter} option's comment: a trace context in the format of google/sqlcommenter
 * ({@code /*traceparent='00-...-01',tracestate='...'*}{@code /}: keys sorted, keys and values
 * URL-encoded, values single-quoted), appended to the SQL the database sees.
 *
 * <p>It goes after the last token of the statement, before a final {@code ;}, and only where the
 * database reads it as a comment: never when the text ends inside a string, a quoted name or a
 * comment (it would become part of them), never after a comment (a statement that already ends in
 * one, such as MySQL's {@code /*!...*}{@code /} or another sqlcommenter's: never twice), never on a
 * JDBC escape call ({@code {call ...}}, which drivers require to be the whole text), never in the
 * text of a database whose reading of quotes and comments this class does not know.
 */
final class SqlCommenter {
  /** The dialects whose quotes and comments {@link Scan} reads as the database does. */
  private static final Set<Dialect> READABLE =
      EnumSet.of(
          Dialect.STANDARD, Dialect.MYSQL, Dialect.POSTGRESQL, Dialect.SQLITE, Dialect.SQLSERVER);

  private SqlCommenter() {}

  /** The comment holding {@code context}'s entries, or null when it has none. */
  static String comment(Map<String, String> context) {
    if (context == null || context.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder("/*");
    for (Map.Entry<String, String> entry : new TreeMap<>(context).entrySet()) {
      if (out.length() > 2) {
        out.append(',');
      }
      out.append(encode(entry.getKey())).append("='").append(encode(entry.getValue())).append('\'');
    }
    return out.append("*/").toString();
  }

  /**
   * Percent-encoding, which also encodes {@code '} and {@code /}: neither a quote nor the end of
   * the comment can occur in it.
   */
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code sql} with {@code comment} appended, or {@code sql} itself where it may not go. */
  static String append(String sql, String comment, Dialect dialect) {
    if (sql == null || comment == null || !READABLE.contains(dialect)) {
      return sql;
    }
    int at = new Scan(sql, dialect).insertionPoint();
    if (at < 0) {
      return sql;
    }
    return new StringBuilder(sql.length() + comment.length() + 1)
        .append(sql, 0, at)
        .append(' ')
        .append(comment)
        .append(sql, at, sql.length())
        .toString();
  }

  /** One walk over a statement's text, as the database's lexer would read its quotes. */
  private static final class Scan {
    private final String sql;
    private final Dialect dialect;
    private int i;

    Scan(String sql, Dialect dialect) {
      this.sql = sql;
      this.dialect = dialect;
    }

    /**
     * Where the comment goes: after the last token that is not a {@code ;}; -1 when it may not go
     * anywhere.
     */
    int insertionPoint() {
      int end = -1;
      boolean first = true;
      boolean commentLast = false;
      int n = sql.length();
      while (i < n) {
        char c = sql.charAt(i);
        if (Character.isWhitespace(c) || c == ';') {
          i++;
          continue;
        }
        boolean closed;
        if (startsLineComment(c)) {
          closed = skipLineComment();
          commentLast = true;
        } else if (c == '/' && next() == '*') {
          closed = skipBlockComment();
          commentLast = true;
        } else {
          if (first && c == '{') {
            return -1;
          }
          closed = skipToken(c);
          commentLast = false;
          end = i;
        }
        first = false;
        if (!closed) {
          return -1;
        }
      }
      return commentLast ? -1 : end;
    }

    private char next() {
      return i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
    }

    private boolean startsLineComment(char c) {
      return (c == '-' && next() == '-') || (c == '#' && dialect == Dialect.MYSQL);
    }

    /** Skips to the end of the line; true when one ends it (the comment is then closed). */
    private boolean skipLineComment() {
      int newline = sql.indexOf('\n', i);
      if (newline < 0) {
        i = sql.length();
        return false;
      }
      i = newline + 1;
      return true;
    }

    private boolean skipBlockComment() {
      boolean nests = dialect != Dialect.MYSQL && dialect != Dialect.SQLITE;
      int depth = 0;
      int n = sql.length();
      while (i < n) {
        char c = sql.charAt(i);
        if (c == '/' && next() == '*' && (depth == 0 || nests)) {
          depth++;
          i += 2;
        } else if (c == '*' && next() == '/') {
          depth--;
          i += 2;
          if (depth == 0) {
            return true;
          }
        } else {
          i++;
        }
      }
      return false;
    }

    /** Skips one token that is not a comment; false when it runs to the end unclosed. */
    private boolean skipToken(char c) {
      switch (c) {
        case '\'':
          return skipQuoted('\'', backslashEscapes());
        case '"':
          return skipQuoted('"', dialect == Dialect.MYSQL);
        case '`':
          return dialect == Dialect.MYSQL || dialect == Dialect.SQLITE
              ? skipQuoted('`', false)
              : plain();
        case '[':
          return dialect == Dialect.SQLSERVER || dialect == Dialect.SQLITE
              ? skipQuoted(']', false)
              : plain();
        case '$':
          return dollarQuoted() ? skipDollarQuoted() : plain();
        default:
          return plain();
      }
    }

    private boolean plain() {
      i++;
      return true;
    }

    /** In MySQL every string escapes with a backslash; in PostgreSQL an {@code E'...'} one. */
    private boolean backslashEscapes() {
      if (dialect == Dialect.MYSQL) {
        return true;
      }
      if (dialect != Dialect.POSTGRESQL && dialect != Dialect.STANDARD) {
        return false;
      }
      return i > 0
          && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
          && (i == 1 || !isWordPart(sql.charAt(i - 2)));
    }

    /** Skips a quoted run whose quote doubles to escape itself (and {@code \} escapes if said). */
    private boolean skipQuoted(char close, boolean backslash) {
      int n = sql.length();
      i++;
      while (i < n) {
        char c = sql.charAt(i);
        if (backslash && c == '\\') {
          i += 2;
        } else if (c == close) {
          if (i + 1 < n && sql.charAt(i + 1) == close) {
            i += 2;
          } else {
            i++;
            return true;
          }
        } else {
          i++;
        }
      }
      return false;
    }

    /**
     * A {@code $tag$} or {@code $$} that opens a string (PostgreSQL and standard), not {@code $1}.
     */
    private boolean dollarQuoted() {
      if (dialect != Dialect.POSTGRESQL && dialect != Dialect.STANDARD) {
        return false;
      }
      if (i > 0 && isWordPart(sql.charAt(i - 1))) {
        return false;
      }
      int j = i + 1;
      if (j < sql.length() && Character.isDigit(sql.charAt(j))) {
        return false;
      }
      while (j < sql.length()
          && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
        j++;
      }
      return j < sql.length() && sql.charAt(j) == '$';
    }

    private boolean skipDollarQuoted() {
      int tagEnd = sql.indexOf('$', i + 1) + 1;
      String tag = sql.substring(i, tagEnd);
      int close = sql.indexOf(tag, tagEnd);
      if (close < 0) {
        i = sql.length();
        return false;
      }
      i = close + tag.length();
      return true;
    }

    private static boolean isWordPart(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
  }
}
