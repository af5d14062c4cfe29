package io.tracejdbc.driver;

import io.opentracing.Span;
import io.tracejdbc.driver.JdbcDelegation.DelegatingPreparedStatement;
import io.tracejdbc.parser.SqlClassifier;
import io.tracejdbc.parser.SqlInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A prepared statement of the real driver, traced. Its SQL is classified once, on its first
 * traced execution; a batch counts its rows without keeping them.
 */
class TracingPreparedStatement extends DelegatingPreparedStatement {
  private final String sql;
  /** Set by the first traced execution; immutable, so a racing second one is harmless. */
  private SqlInfo info;
  private String statementText;
  private int batchRows;

  TracingPreparedStatement(PreparedStatement prepared, TracingConnection connection, String sql) {
    super(prepared, connection);
    this.sql = sql;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    Span span = startSpan(0);
    try {
      return wrap(prepared.executeQuery());
    } catch (Throwable t) {
      Spans.failed(connection.config, span, t);
      throw t;
    } finally {
      finish(span);
    }
  }

  @Override
  public int executeUpdate() throws SQLException {
    Span span = startSpan(0);
    try {
      int rows = prepared.executeUpdate();
      rowsAffected(span, rows);
      return rows;
    } catch (Throwable t) {
      Spans.failed(connection.config, span, t);
      throw t;
    } finally {
      finish(span);
    }
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    Span span = startSpan(0);
    try {
      long rows = prepared.executeLargeUpdate();
      rowsAffected(span, rows);
      return rows;
    } catch (Throwable t) {
      Spans.failed(connection.config, span, t);
      throw t;
    } finally {
      finish(span);
    }
  }

  @Override
  public boolean execute() throws SQLException {
    Span span = startSpan(0);
    try {
      return executed(span, prepared.execute());
    } catch (Throwable t) {
      Spans.failed(connection.config, span, t);
      throw t;
    } finally {
      finish(span);
    }
  }

  /**
   * A statement pool clears the parameters of a statement that comes back (commons-dbcp2 does,
   * and nothing else of its return reaches a wrapper that sits below the pool), so this ends the
   * statement's mark: a mark never reaches the pooled statement's next borrower. Mark a statement
   * after clearing its parameters, not before.
   */
  @Override
  public void clearParameters() throws SQLException {
    setMark(null);
    prepared.clearParameters();
  }

  @Override
  public void addBatch() throws SQLException {
    prepared.addBatch();
    batchRows++;
  }

  /** The span of executing this statement's rows as one batch, or null when it is not traced. */
  @Override
  Span startBatchSpan() {
    return startSpan(batchRows);
  }

  @Override
  void batchExecuted() {
    super.batchExecuted();
    batchRows = 0;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + sql + "] wrapping " + prepared;
  }

  /** The span of an execution, or null when it is not traced; {@code batchSize} 0 for one row. */
  private Span startSpan(int batchSize) {
    Mark chosen = connection.traceMark(takeMark());
    if (chosen == null || connection.config.ignores(sql)) {
      return null;
    }
    SqlInfo classified = classified();
    if (isPragma(classified)) {
      return null;
    }
    return start(chosen, classified.operation(), classified.firstTable(), statementText, batchSize);
  }

  private SqlInfo classified() {
    SqlInfo known = info;
    if (known == null) {
      known = SqlClassifier.classify(sql, connection.config.dialect);
      statementText = Spans.statementText(connection.config, known, sql);
      info = known;
    }
    return known;
  }
}
