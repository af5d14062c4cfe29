package io.tracejdbc.parser;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * Classification by JSqlParser, the classifier of record. The only class that calls JSqlParser
 * directly, so that a JSqlParser the classifier cannot link fails here and nowhere else.
 */
final class ParserTier {
  private ParserTier() {}

  /**
   * The classification of {@code sanitized} as JSqlParser reads it, or null when it cannot read it
   * or reads a kind of statement without a name here. {@code original}, the text before sanitizing
   * (null if none), is parsed when the sanitized text is not and {@link #parsesOriginal} says so.
   */
  static SqlInfo classify(String sanitized, String original) {
    Statement statement = parse(sanitized);
    if (statement == null && parsesOriginal(sanitized, original)) {
      statement = parse(original);
    }
    String operation = statement == null ? null : StatementNames.of(statement);
    if (operation == null) {
      return null;
    }
    return new SqlInfo(operation, StatementTables.of(statement), sanitized);
  }

  /**
   * Whether {@code original} is worth a parse after {@code sanitized} failed one: JSqlParser reads
   * some statements only with their literals ({@code VARCHAR(255)}, {@code TABLESAMPLE SYSTEM
   * (10)}), but a sanitized text without a {@code ?} replaced none, and its original, the same
   * tokens respaced, would fail again. The original must be within the limits too.
   */
  static boolean parsesOriginal(String sanitized, String original) {
    return original != null
        && sanitized.indexOf('?') >= 0
        && original.length() <= SqlClassifier.PARSE_LIMIT
        && SqlClassifier.nestsWithinLimit(original);
  }

  /** Parses on the calling thread: {@code CCJSqlParserUtil.parse} would start a thread per call. */
  private static Statement parse(String sql) {
    try {
      return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statement();
    } catch (LinkageError e) {
      throw e;
    } catch (Throwable e) {
      return null;
    }
  }
}
