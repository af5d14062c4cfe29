package io.tracejdbc.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits sanitized SQL that holds several statements ({@code SELECT 1; DELETE FROM t}) at its
 * semicolons, except where they end statements inside a routine body ({@code CREATE TRIGGER ...
 * BEGIN ...; END}) or a procedural block ({@code BEGIN p(?); END;}).
 */
final class StatementSplitter {
  /** Words after which {@code BEGIN} starts a transaction, not a block. */
  private static final Set<String> TRANSACTION_WORDS =
      Set.of(
          "transaction",
          "work",
          "tran",
          "immediate",
          "deferred",
          "exclusive",
          "isolation",
          "read",
          "distributed");

  private StatementSplitter() {}

  /** The statements of {@code sanitized}, without their semicolons; empty ones left out. */
  static List<String> split(String sanitized) {
    List<String> statements = new ArrayList<>(2);
    int start = 0;
    int depth = 0;
    for (int i = 0; i < sanitized.length(); i++) {
      char c = sanitized.charAt(i);
      if (c == '"' || c == '`') {
        int close = sanitized.indexOf(c, i + 1);
        i = close < 0 ? sanitized.length() : close;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ';' && depth <= 0) {
        add(statements, sanitized.substring(start, i));
        if (statements.size() == 1 && isBlock(statements.get(0))) {
          return List.of(sanitized);
        }
        start = i + 1;
      }
    }
    add(statements, sanitized.substring(start));
    return statements;
  }

  private static void add(List<String> statements, String statement) {
    String trimmed = statement.trim();
    if (!trimmed.isEmpty()) {
      statements.add(trimmed);
    }
  }

  /** Whether a statement is the start of a body whose semicolons are its own. */
  private static boolean isBlock(String statement) {
    SqlTokens tokens = new SqlTokens(statement);
    String first = tokens.nextWordLowerCase();
    if ("declare".equals(first)) {
      return true;
    }
    if ("begin".equals(first)) {
      String second = tokens.nextWordLowerCase();
      return second != null && !TRANSACTION_WORDS.contains(second);
    }
    if ("create".equals(first)) {
      String word;
      while ((word = tokens.nextTopLevelWordLowerCase()) != null) {
        if (word.equals("begin")) {
          return true;
        }
      }
    }
    return false;
  }
}
