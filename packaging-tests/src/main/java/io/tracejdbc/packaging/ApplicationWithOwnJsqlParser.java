package io.tracejdbc.packaging;

import java.sql.SQLException;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/**
 * An application that parses SQL with its own JSqlParser (an older one than tracejdbc's, as
 * MyBatis-Plus brings) and runs it through tracejdbc: it prints what its JSqlParser makes of each
 * statement, before and after tracing, and the spans' names.
 */
public final class ApplicationWithOwnJsqlParser {
  private ApplicationWithOwnJsqlParser() {}

  public static void main(String[] args) throws SQLException {
    parseAll("before");
    TracedStatements.run();
    parseAll("after");
  }

  private static void parseAll(String when) {
    for (String sql : TracedStatements.SQL) {
      String parsed;
      try {
        parsed = CCJSqlParserUtil.parse(sql).getClass().getName();
      } catch (JSQLParserException e) {
        parsed = "not parsed";
      }
      System.out.println("application's jsqlparser " + when + ": " + parsed);
    }
  }
}
