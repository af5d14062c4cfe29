package io.tracejdbc.parser;

import java.util.List;
import java.util.Objects;

/**
 * What a SQL statement does, as {@link SqlClassifier#classify(String)} sees it. Immutable.
 *
 * <pre>{@code
 * SqlInfo info = SqlClassifier.classify("SELECT name FROM users WHERE id = 42");
 * info.operation();    // "select"
 * info.tables();       // ["users"]
 * info.sanitizedSql(); // "SELECT name FROM users WHERE id = ?"
 * }</pre>
 */
public final class SqlInfo {
  private final String operation;
  private final List<String> tables;
  private final String sanitizedSql;

  SqlInfo(String operation, List<String> tables, String sanitizedSql) {
    this.operation = operation;
    this.tables = List.copyOf(tables);
    this.sanitizedSql = sanitizedSql;
  }

  /**
   * The statement kind in lower case, words joined by {@code -}: {@code select}, {@code insert},
   * {@code create-table}, ...; {@code textclause} when the statement cannot be read.
   */
  public String operation() {
    return operation;
  }

  /**
   * The tables the statement touches, as written (schema-qualified if written so) and without
   * quotes: the first one first, then the others in alphabetical order; empty when none or unknown.
   */
  public List<String> tables() {
    return tables;
  }

  /** The first table the statement touches, or {@code null} when none is known. */
  public String firstTable() {
    return tables.isEmpty() ? null : tables.get(0);
  }

  /**
   * The statement with every literal replaced by {@code ?}, comments dropped, whitespace runs
   * collapsed to one space and {@code IN (?, ?, ...)} lists collapsed to {@code IN (?)}.
   */
  public String sanitizedSql() {
    return sanitizedSql;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof SqlInfo)) return false;
    SqlInfo that = (SqlInfo) o;
    return operation.equals(that.operation)
        && tables.equals(that.tables)
        && sanitizedSql.equals(that.sanitizedSql);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, tables, sanitizedSql);
  }

  @Override
  public String toString() {
    return "SqlInfo{operation=" + operation + ", tables=" + tables + ", sql=" + sanitizedSql + "}";
  }
}
