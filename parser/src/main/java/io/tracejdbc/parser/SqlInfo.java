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
 * info.querySummary(); // "SELECT users"
 * }</pre>
 */
public final class SqlInfo {
  private final String operation;
  private final List<String> tables;
  private final String sanitizedSql;
  private final String querySummary;
  private final String storedProcedure;

  SqlInfo(String operation, List<String> tables, String sanitizedSql) {
    this(operation, tables, sanitizedSql, null, null);
  }

  private SqlInfo(
      String operation,
      List<String> tables,
      String sanitizedSql,
      String querySummary,
      String storedProcedure) {
    this.operation = operation;
    this.tables = List.copyOf(tables);
    this.sanitizedSql = sanitizedSql;
    this.querySummary = querySummary;
    this.storedProcedure = storedProcedure;
  }

  /** This classification with the summary and stored procedure of {@code summary}. */
  SqlInfo with(QuerySummary summary) {
    return new SqlInfo(operation, tables, sanitizedSql, summary.text(), summary.storedProcedure());
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

  /**
   * OpenTelemetry's {@code db.query.summary}, by the stable conventions' rules: every operation
   * ({@code SELECT}, {@code INSERT}, {@code CREATE TABLE}, {@code SET}, each nested {@code SELECT})
   * and every target (the tables and views it reads or writes, the object DDL names, the procedure
   * a call calls), in the order the text has them, as written (case and quotes kept), separated by
   * one space and cut between parts to at most 255 characters; for a string of several statements,
   * those of each in turn. {@code null} when the statement cannot be read ({@code textclause}).
   *
   * <pre>{@code
   * SqlClassifier.classify("INSERT INTO archive SELECT * FROM \"Events\" e, users u")
   *     .querySummary(); // "INSERT archive SELECT \"Events\" users"
   * SqlClassifier.classify("{call refresh_stats(?)}").querySummary(); // "call refresh_stats"
   * }</pre>
   */
  public String querySummary() {
    return querySummary;
  }

  /**
   * The stored procedure that a {@code CALL} statement, a JDBC {@code {call ...}} escape or SQL
   * Server's {@code EXEC} calls, as written (qualified and quoted if written so); {@code null} for
   * any other statement, for several statements in one string, and for {@code EXECUTE}, which runs
   * a prepared statement in PostgreSQL and MySQL.
   */
  public String storedProcedure() {
    return storedProcedure;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof SqlInfo)) return false;
    SqlInfo that = (SqlInfo) o;
    return operation.equals(that.operation)
        && tables.equals(that.tables)
        && sanitizedSql.equals(that.sanitizedSql)
        && Objects.equals(querySummary, that.querySummary)
        && Objects.equals(storedProcedure, that.storedProcedure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, tables, sanitizedSql, querySummary, storedProcedure);
  }

  @Override
  public String toString() {
    return "SqlInfo{operation="
        + operation
        + ", tables="
        + tables
        + ", summary="
        + querySummary
        + ", sql="
        + sanitizedSql
        + "}";
  }
}
