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
   * (null if none), is parsed when the sanitized text is not: JSqlParser reads some DDL only with
   * its literals, as in {@code VARCHAR(255)}.
   */
  static SqlInfo classify(String sanitized, String original) {
    Statement statement = parse(sanitized);
    if (statement == null && original != null && original.length() <= SqlClassifier.PARSE_LIMIT) {
      statement = parse(original);
    }
    String operation = statement == null ? null : StatementNames.of(statement);
    if (operation == null) {
      return null;
    }
    return new SqlInfo(operation, StatementTables.of(statement), sanitized);
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
