package io.tracejdbc.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies sanitized SQL by tiers: the fast tier where it is certain, else JSqlParser, the
 * classifier of record, else the leading keywords. A string of several statements is classified
 * statement by statement and named as a batch of them is.
 */
final class TieredClassifier {
  private static final String BATCH = "batch";

  /** False once JSqlParser could not be linked: it stays off, and the lexer answers. */
  private static volatile boolean parserUsable = true;

  private TieredClassifier() {}

  /**
   * {@code sanitized}, of one statement or several, classified by the tiers; {@code original} is
   * the text before sanitizing. JSqlParser reads no text longer than {@link
   * SqlClassifier#PARSE_LIMIT}, nor any statement of one.
   */
  static SqlInfo classify(String sanitized, String original) {
    List<String> statements = StatementSplitter.split(sanitized);
    if (statements.isEmpty()) {
      return new SqlInfo(KeywordClassifier.TEXTCLAUSE, List.of(), sanitized);
    }
    boolean parse = sanitized.length() <= SqlClassifier.PARSE_LIMIT;
    if (statements.size() > 1) {
      return classifyScript(sanitized, statements, parse);
    }
    String statement = statements.get(0);
    SqlInfo info = classifyStatement(statement, original, parse);
    return statement.equals(sanitized)
        ? info
        : new SqlInfo(info.operation(), info.tables(), sanitized);
  }

  /**
   * One statement: the fast tier's answer where it is certain, else JSqlParser's, else the
   * keywords'. Where JSqlParser reads a statement the fast tier answers, the two answers are the
   * same (the oracle test holds the fast tier to that), so asking it first only saves the parse.
   */
  private static SqlInfo classifyStatement(String statement, String original, boolean parse) {
    SqlInfo info = fast(statement);
    if (info == null && parse) {
      info = parsed(statement, original);
    }
    return info != null ? info : KeywordClassifier.classify(statement);
  }

  /** The fast tier's answer; a bug there costs the statement JSqlParser's time, nothing more. */
  private static SqlInfo fast(String statement) {
    try {
      return FastClassifier.classify(statement);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Several statements in one string, named as a batch of them is: after their kind when they share
   * one (with their tables), else {@code batch}.
   */
  private static SqlInfo classifyScript(String sanitized, List<String> statements, boolean parse) {
    String operation = null;
    Set<String> tables = new LinkedHashSet<>();
    for (String statement : statements) {
      SqlInfo info = classifyStatement(statement, null, parse);
      if (operation == null) {
        operation = info.operation();
      } else if (!operation.equals(info.operation())) {
        return new SqlInfo(BATCH, List.of(), sanitized);
      }
      tables.addAll(info.tables());
    }
    return new SqlInfo(operation, new ArrayList<>(tables), sanitized);
  }

  /**
   * JSqlParser's classification, or null. JSqlParser's failures stay here: a {@link LinkageError}
   * (another JSqlParser version on the classpath) turns it off for good, any other throwable (a
   * {@link StackOverflowError} deep in a parse) costs this statement only.
   */
  private static SqlInfo parsed(String sanitized, String original) {
    if (!parserUsable) {
      return null;
    }
    try {
      return ParserTier.classify(sanitized, original);
    } catch (LinkageError e) {
      parserUsable = false;
      return null;
    } catch (Throwable e) {
      return null;
    }
  }
}
